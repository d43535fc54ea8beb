/** What the registry reader's unit tests share: a typical extension image, one-read helpers and result unwrapping. */
import { randomBytes } from 'node:crypto';
import type { FoundFile, VariantFiles } from '@core/inside/types.js';
import type { CommandFailure } from '@core/types.js';
import type { Result } from '@core/result.js';
import {
  createRegistryReader,
  noCredentials,
  type ReaderLimits,
  type ReadOptions,
  type RegistryReaderOptions,
  type Repository,
  type WantedPath,
} from '@registry/index.js';
import { digestOf, gzip, LAYER_GZIP, tarOf, type FakeRegistry, type FakeServer } from './fakeRegistry.js';

export const METADATA = '{"host":{"binaries":[{"darwin":[{"path":"/darwin/tool"}]}]}}';

/** A found file's text, or its kind in angle brackets (`<missing>`, `<absent>`). */
export const text = (f: FoundFile | undefined): string =>
  f?.kind === 'file' ? new TextDecoder().decode(f.head) : `<${f?.kind ?? 'absent'}>`;

export function value(r: Result<VariantFiles, CommandFailure>): VariantFiles {
  if (!r.ok) throw new Error(`expected files, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

export function failureOf(r: Result<VariantFiles, CommandFailure>): CommandFailure {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

/** A typical extension image: a big base layer, then the extension's own layers. */
export async function extensionImage(reg: FakeRegistry): Promise<{ digest: string; base: string }> {
  const base = gzip(
    await tarOf([
      { name: 'bin/busybox', data: randomBytes(200_000) },
      { name: 'darwin/tool', data: 'BASE' },
    ]),
  );
  const own = gzip(
    await tarOf([
      { name: 'darwin/', type: 'directory' },
      { name: 'darwin/tool', data: 'MACHO-ARM64' },
    ]),
  );
  const meta = gzip(await tarOf([{ name: 'metadata.json', data: METADATA }]));
  const digest = reg.addImage([
    { mediaType: LAYER_GZIP, bytes: base },
    { mediaType: LAYER_GZIP, bytes: own },
    { mediaType: LAYER_GZIP, bytes: meta },
  ]);
  return { digest, base: digestOf(base) };
}

/** The one repository the fake registry serves. */
export const repoOf = (reg: FakeServer): Repository => ({ domain: reg.host, path: 'corpus/x' });

/** The blob URLs a server was asked for, in order. */
export const blobGets = (s: FakeServer): string[] => s.log.filter((l) => l.url.includes('/blobs/')).map((l) => l.url);

/** One read of the fake registry's repository by a new reader (anonymous unless told otherwise): nothing cached. */
export const readOnce = (
  reg: FakeServer,
  digest: string,
  wanted: readonly (string | WantedPath)[],
  options: ReadOptions,
  reader: RegistryReaderOptions = { credentials: noCredentials },
): Promise<Result<VariantFiles, CommandFailure>> =>
  createRegistryReader(reader).readVariantFiles(repoOf(reg), digest, wanted, options);

/** One read of /darwin/tool in linux/amd64 by a new anonymous reader under these limits. */
export const readToolWithLimits = (
  reg: FakeServer,
  digest: string,
  limits: Partial<ReaderLimits>,
): Promise<Result<VariantFiles, CommandFailure>> =>
  readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }, { credentials: noCredentials, limits });
