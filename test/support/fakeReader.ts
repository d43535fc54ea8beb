/** A fake registry reader and platform check for the deep check orchestration's unit tests. */
import type {
  CommandFailure,
  FoundFile,
  InspectResult,
  Repository,
  Result,
  VariantFiles,
  WantedPath,
} from '@core/index.js';
import type { DeepCheckDeps, PlatformCheck, VariantFileReader, VariantReadOptions } from '@deepCheck/ports.js';

export const AMD = `sha256:${'a'.repeat(64)}`;
export const ARM = `sha256:${'b'.repeat(64)}`;
export const REF = '127.0.0.1:5100/deep/x:1.0.0';

export function textFile(path: string, text: string): FoundFile {
  const head = new TextEncoder().encode(text);
  return { kind: 'file', path, size: head.byteLength, mode: 0o644, head };
}

/** The two variants of an image published for linux/amd64 and linux/arm64, by platform. */
export const BOTH = { 'linux/amd64': AMD, 'linux/arm64': ARM };
/** A /metadata.json holding this document. */
export const metadata = (doc: unknown): FoundFile => textFile('/metadata.json', JSON.stringify(doc));
/** A /metadata.json listing one macOS host binary, /darwin/tool. */
export const DARWIN = metadata({ host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] } });

export interface ReadCall {
  readonly digest: string;
  readonly wanted: readonly string[];
}

export interface FakeReader extends VariantFileReader {
  readonly calls: ReadCall[];
}

export interface FakeVariant {
  readonly files: Readonly<Record<string, FoundFile>>;
  /** Bytes each read "downloads", and the sum of the variant's layers. */
  readonly bytesPerRead?: number;
  readonly bytesTotal?: number;
  /** Every read of this variant fails so. */
  readonly failure?: CommandFailure;
  /** The read waits for the deadline or the cancel, then fails as the reader does. */
  readonly hang?: boolean;
}

export function fakeReader(variants: Readonly<Record<string, FakeVariant>>): FakeReader {
  const calls: ReadCall[] = [];
  return {
    calls,
    async readVariantFiles(
      _repo: Repository,
      digest: string,
      wanted: readonly (string | WantedPath)[],
      options: VariantReadOptions,
    ): Promise<Result<VariantFiles, CommandFailure>> {
      const paths = wanted.map((w) => (typeof w === 'string' ? w : w.path));
      calls.push({ digest, wanted: paths });
      const variant = variants[digest];
      if (variant === undefined) return { ok: false, error: { kind: 'not-found', message: `no manifest ${digest}` } };
      if (variant.hang === true) {
        await new Promise<void>((resolve) => {
          const signals = [options.signal, options.deadline].filter((s): s is AbortSignal => s !== undefined);
          for (const s of signals) s.addEventListener('abort', () => resolve(), { once: true });
        });
        const kind = options.deadline?.aborted === true ? 'timeout' : 'cancelled'; // the deadline first, as the registry reader
        return {
          ok: false,
          error: {
            kind,
            message: kind === 'timeout' ? 'the registry did not answer before the deadline' : 'the read was cancelled',
          },
        };
      }
      // As the registry reader: the deadline first (a cancel signal may include it), then the cancel.
      if (options.deadline?.aborted === true)
        return { ok: false, error: { kind: 'timeout', message: 'the registry did not answer before the deadline' } };
      if (options.signal?.aborted === true)
        return { ok: false, error: { kind: 'cancelled', message: 'the read was cancelled' } };
      if (variant.failure !== undefined) return { ok: false, error: variant.failure };
      // As the registry reader: what a read downloads counts against the image's shared budget.
      if (options.budget !== undefined) options.budget.downloaded += variant.bytesPerRead ?? 100;
      const files = new Map<string, FoundFile>(
        paths.map((p) => [p, variant.files[p] ?? { kind: 'missing', path: p, whitedOut: false }]),
      );
      return {
        ok: true,
        value: {
          platform: options.platform,
          digest,
          files,
          bytesRead: variant.bytesPerRead ?? 100,
          bytesTotal: variant.bytesTotal ?? 1000,
        },
      };
    },
  };
}

export function inspectResult(
  reference: string,
  platforms: Readonly<Record<string, string>>,
  overrides: Partial<InspectResult> = {},
): InspectResult {
  const keys = Object.keys(platforms);
  const both = keys.includes('linux/amd64') && keys.includes('linux/arm64');
  return {
    reference,
    canonical: reference,
    verdict: both ? 'ready' : 'missing-platforms',
    explanation: both ? 'Published for linux/amd64 and linux/arm64' : `Published for ${keys.join(', ')}`,
    ...(both ? {} : { fix: 'docker buildx build --platform=linux/amd64,linux/arm64 --push .' }),
    platforms: keys,
    source: 'registry',
    manifest: {
      kind: 'oci-index',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: Object.entries(platforms).map(([key, digest]) => {
        const [os = '', architecture = ''] = key.split('/');
        return {
          platform: { os, architecture },
          key,
          digest,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          size: 500,
        };
      }),
      attestations: [],
      needsConfig: false,
    },
    commands: [],
    ...overrides,
  };
}

/** Platform checks by reference; any other reference is not found. */
export function fakePlatformCheck(
  results: Readonly<Record<string, InspectResult>>,
  calls: string[] = [],
): PlatformCheck {
  return (reference) => {
    calls.push(reference);
    return Promise.resolve(
      results[reference] ?? {
        reference,
        verdict: 'not-found',
        explanation: 'The registry has no such repository or tag',
        platforms: [],
        failure: { kind: 'not-found', message: 'not found' },
        commands: [],
      },
    );
  };
}

export function deps(
  reader: VariantFileReader,
  platformCheck: PlatformCheck,
  site: DeepCheckDeps['site'] = 'cli',
): DeepCheckDeps {
  return { reader, platformCheck, site };
}
