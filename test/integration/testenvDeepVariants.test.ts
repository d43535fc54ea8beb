/**
 * What the variants of the deep corpus hold, unpacked from the registries: the big base layer, the
 * files and metadata.json each variant has as described, and src/core/inside judging the real files
 * as described.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backendImagesOf,
  composeImages,
  decideDeepOutcome,
  judgeHostBinaries,
  parseExtensionMetadata,
  type ExtensionMetadata,
  type FoundFile,
  type HostBinaryFinding,
  type VariantFiles,
} from '@core/inside/index.js';
import { unpackImage } from '../env/registryFiles.js';
import { run } from '../env/run.js';
import { authRegistryBasicAuth, loadTestEnv } from '../env/testEnv.js';
import {
  DEEP_BIG_BASE_REPOSITORY,
  DEEP_TAG,
  DEEP_VARIANTS,
  deepCorpus,
  type DeepCorpusImage,
  type DeepVariant,
} from '../support/deepCorpus.js';
import { manifestReader, variantDigest } from '../support/registryManifests.js';

const env = loadTestEnv();
const basicAuth = authRegistryBasicAuth(env);
const registryManifest = manifestReader(env);

/** What `file` (libmagic, an oracle independent of src/core/inside) says a host binary is, in the deep corpus's words. */
function foundByFile(path: string): string {
  if (lstatSync(path).isDirectory()) return 'directory';
  const out = run('file', ['-b', path], { env: process.env });
  expect(out.status, out.stderr).toBe(0);
  const text = out.stdout;
  if (/^Mach-O universal binary with 2 architectures: \[x86_64/.test(text) && text.includes('arm64'))
    return 'universal(x86_64,arm64)';
  const macho = /^Mach-O 64-bit (x86_64|arm64) /.exec(text);
  if (macho) return macho[1] ?? '';
  if (/^(ELF 64-bit LSB|PE32\+ executable)/.test(text)) {
    if (/x86-64/.test(text)) return 'x86_64';
    if (/aarch64/i.test(text)) return 'arm64';
  }
  if (/script|text/.test(text)) return 'script';
  return `unexpected: ${text.trim()}`;
}

/** The paths /metadata.json lists per OS. */
function listedPaths(metadata: unknown): string[] {
  const binaries = (metadata as { host?: { binaries?: Record<string, { path: string }[]>[] } }).host?.binaries ?? [];
  return binaries.flatMap((entry) => Object.entries(entry).flatMap(([os, list]) => list.map((b) => `${os}:${b.path}`)));
}

describe('the deep corpus', () => {
  const corpus = deepCorpus(env);
  const roots = new Map<string, string>();
  const rootOf = (image: DeepCorpusImage, variant: DeepVariant) => roots.get(`${image.key} ${variant}`) ?? '';

  beforeAll(async () => {
    for (const image of corpus) {
      const registry = image.registry === 'open' ? env.openRegistry : env.authRegistry;
      const index = await registryManifest(registry, image.repository, DEEP_TAG);
      for (const variant of DEEP_VARIANTS) {
        const auth = image.registry === 'auth' ? basicAuth : undefined;
        roots.set(
          `${image.key} ${variant}`,
          await unpackImage(registry, image.repository, variantDigest(index, variant), auth),
        );
      }
    }
  });
  afterAll(() => {
    for (const root of roots.values()) rmSync(root, { recursive: true, force: true });
  });

  it("puts a ~30 MiB incompressible base layer at the bottom of deep/big-base, the base image's own layer", async () => {
    const [image] = corpus.filter((i) => i.bigBottomLayerBytes !== undefined);
    expect(image?.name).toBe('big-base');
    if (image === undefined) return;
    const base = await registryManifest(env.openRegistry, DEEP_BIG_BASE_REPOSITORY, '1.0.0');
    const index = await registryManifest(env.openRegistry, image.repository, DEEP_TAG);
    for (const variant of DEEP_VARIANTS) {
      const baseLayers =
        (await registryManifest(env.openRegistry, DEEP_BIG_BASE_REPOSITORY, variantDigest(base, variant))).layers ?? [];
      const layers =
        (await registryManifest(env.openRegistry, image.repository, variantDigest(index, variant))).layers ?? [];
      expect(baseLayers).toHaveLength(1);
      expect(layers[0]?.digest).toBe(baseLayers[0]?.digest);
      // gzip cannot shrink random bytes: the compressed layer is at least the file's size.
      expect(layers[0]?.size ?? 0).toBeGreaterThanOrEqual(image.bigBottomLayerBytes ?? Infinity);
      expect(layers.length).toBeGreaterThan(1);
      const big = lstatSync(join(rootOf(image, variant), 'opt', 'big-base', 'big.bin'));
      expect(big.size).toBe(image.bigBottomLayerBytes);
    }
  });

  it.each(corpus.map((i) => [i.key, i] as const))('%s: each variant holds what the description says', (_key, image) => {
    for (const variant of DEEP_VARIANTS) {
      const root = rootOf(image, variant);
      expect(existsSync(join(root, 'ui', 'index.html')), `${variant}: /ui/index.html`).toBe(true);
      const metadataFile = join(root, 'metadata.json');
      if (image.metadata === 'absent') {
        expect(existsSync(metadataFile), `${variant}: no /metadata.json`).toBe(false);
      } else if (image.metadata === 'not-json') {
        expect(
          () => JSON.parse(readFileSync(metadataFile, 'utf8')) as unknown,
          `${variant}: /metadata.json is not JSON`,
        ).toThrow(SyntaxError);
      } else {
        const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as unknown;
        // metadata.json lists exactly the described paths: not those inside a listed directory, plus the bad ones.
        const folders = image.hostBinaries.filter((b) => b.found === 'directory').map((b) => `${b.path}/`);
        const listed = new Set([
          ...image.hostBinaries
            .filter((b) => !folders.some((f) => b.path.startsWith(f)))
            .map((b) => `${b.os}:${b.path}`),
          ...image.badPaths.map((b) => `${b.os}:${b.path}`),
        ]);
        expect(listedPaths(metadata).sort(), variant).toEqual([...listed].sort());
        const vm = (metadata as { vm?: { image?: string; composefile?: string } }).vm;
        const backend = image.backend.map((b) => `${b.source} ${b.self ? '${DESKTOP_PLUGIN_IMAGE}' : b.reference}`);
        if (vm?.composefile !== undefined) {
          const compose = readFileSync(join(root, vm.composefile), 'utf8');
          const services = [...compose.matchAll(/^ {2}(\S+):\n {4}image: (\S+)$/gm)].map(
            (m) => `compose:${m[1] ?? ''} ${m[2] ?? ''}`,
          );
          expect(services).toEqual(backend);
        } else {
          expect(vm?.image === undefined ? [] : [`vm.image ${vm.image}`]).toEqual(backend);
        }
      }
      const bad = new Set(image.badPaths.map((b) => b.path));
      for (const binary of image.hostBinaries.filter((b) => b.platform === variant && !bad.has(b.path))) {
        const path = join(root, binary.path);
        const what = `${variant} ${binary.path}`;
        if (binary.state === 'missing') {
          expect(existsSync(path), `${what} is absent`).toBe(false);
        } else if (binary.state === 'unreadable') {
          expect(lstatSync(path).isSymbolicLink(), `${what} is a symlink`).toBe(true);
        } else {
          expect(foundByFile(path), what).toBe(binary.found);
        }
      }
    }
  });

  // The core's rules (src/core/inside), fed with the files of the real variants, agree with the description.
  it.each(corpus.map((i) => [i.key, i] as const))(
    '%s: src/core/inside judges the real variants as described',
    (_key, image) => {
      if (image.metadata !== 'ok') {
        for (const variant of DEEP_VARIANTS) {
          const file = join(rootOf(image, variant), 'metadata.json');
          const parsed = parseExtensionMetadata(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
          expect(parsed.ok, variant).toBe(false);
        }
        expect(image.verdict).toBe('ready');
        return;
      }
      const metadataPerVariant = new Map<string, ExtensionMetadata>();
      const filesPerVariant = new Map<string, VariantFiles>();
      for (const variant of DEEP_VARIANTS) {
        const root = rootOf(image, variant);
        const metadata = parseExtensionMetadata(readFileSync(join(root, 'metadata.json'), 'utf8'));
        expect(metadata.ok, variant).toBe(true);
        if (!metadata.ok) return;
        metadataPerVariant.set(variant, metadata.value);
        const files = new Map(metadata.value.hostBinaries.map((b) => [b.path, foundFile(root, b.path)] as const));
        filesPerVariant.set(variant, { platform: variant, digest: '', files, bytesRead: 0, bytesTotal: 0 });
        const composefile = metadata.value.vm?.composefile;
        const compose =
          composefile === undefined ? undefined : composeImages(readFileSync(join(root, composefile), 'utf8'));
        if (compose !== undefined) expect(compose.ok, variant).toBe(true);
        const backends = backendImagesOf(metadata.value, compose?.ok === true ? compose.value : []);
        expect(backends.map((b) => `${b.source} ${b.self} ${b.self ? '' : b.reference}`)).toEqual(
          image.backend.map((b) => `${b.source} ${b.self} ${b.self ? '' : b.reference}`),
        );
      }
      const findings = judgeHostBinaries(metadataPerVariant, filesPerVariant);
      const key = (f: Pick<HostBinaryFinding, 'os' | 'platform' | 'path' | 'state' | 'found' | 'warningOnly'>) =>
        `${f.platform} ${f.os} ${f.path} ${f.state} ${f.found ?? '-'}${f.warningOnly ? ' warning' : ''}`;
      expect(findings.map(key).sort()).toEqual(image.hostBinaries.map(key).sort());
      const backends = image.backend.map((b) => ({ ...b, message: '' }));
      expect(decideDeepOutcome(findings, backends).verdict ?? 'ready').toBe(image.verdict);
    },
  );
});

/** What the registry reader would report for PATH of an unpacked variant (the head: first 4 KiB). */
function foundFile(root: string, path: string): FoundFile {
  const full = join(root, path);
  if (!existsSync(full) && !isLink(full)) return { kind: 'missing', path, whitedOut: false };
  const stat = lstatSync(full);
  if (stat.isSymbolicLink()) return { kind: 'symlink', path, target: readlinkSync(full) };
  if (stat.isDirectory())
    return { kind: 'directory', path, entries: readdirSync(full).map((name) => foundFile(root, `${path}/${name}`)) };
  if (!stat.isFile()) return { kind: 'other', path, type: 'special file' };
  return {
    kind: 'file',
    path,
    size: stat.size,
    mode: stat.mode & 0o7777,
    head: new Uint8Array(readFileSync(full).subarray(0, 4096)),
  };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
