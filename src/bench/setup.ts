/**
 * Benchmark set-up: N distinct repositories bench/NN-<corpus name>:1.0.0 in the open registry,
 * copies of the seeded corpus (see copyImage.ts), reached by the tools through the delaying proxy.
 */
import { RegistryCopier } from './copyImage.js';

/** The corpus images of the open registry, as seeded by test/env/testenv. */
export const CORPUS_NAMES = [
  'good',
  'amd64-only',
  'arm64-only-attested',
  'legacy-list',
  'wrong-host-binary',
  'many-platforms',
  'windows-entry',
] as const;
export const CORPUS_TAG = '1.0.0';

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

export interface BenchImage {
  /** "bench/07-good" */
  readonly repository: string;
  /** Corpus name it copies. */
  readonly source: string;
  /** An index or manifest list (several platforms behind one tag) rather than a single manifest. */
  readonly index: boolean;
}

export function benchRepository(i: number, source: string): string {
  return `bench/${String(i).padStart(2, '0')}-${source}`;
}

/** Makes sure the N copies exist (copies only what is missing or different); returns them in order. */
export async function prepareImages(registry: string, count: number): Promise<BenchImage[]> {
  const copier = new RegistryCopier(registry);
  const sources = new Map<string, { digest: string; index: boolean }>();
  for (const name of CORPUS_NAMES) {
    const manifest = await copier.getManifest(`corpus/${name}`, CORPUS_TAG);
    if (manifest === undefined) {
      throw new Error(
        `${registry}/corpus/${name}:${CORPUS_TAG} is missing: start and seed the test environment (bash test/env/testenv up)`,
      );
    }
    sources.set(name, { digest: manifest.digest, index: INDEX_TYPES.has(manifest.mediaType) });
  }
  const images: BenchImage[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = CORPUS_NAMES[i % CORPUS_NAMES.length] ?? 'good';
    const info = sources.get(source);
    if (info === undefined) throw new Error(`no digest for corpus/${source}`);
    const repository = benchRepository(i, source);
    if ((await copier.digestOf(repository, CORPUS_TAG)) !== info.digest) {
      await copier.copy(`corpus/${source}`, CORPUS_TAG, repository, CORPUS_TAG);
    }
    images.push({ repository, source, index: info.index });
  }
  return images;
}
