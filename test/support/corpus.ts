/**
 * The corpus of extension-like images, described once for every suite: what `test/env/testenv seed`
 * builds (test/env/lib/seed.sh) and what test/data/fixtures recorded from the same Dockerfiles (the
 * table in its README). Test expectations only: the product never sees these.
 */
import type { ManifestKind, Verdict } from '@core/index.js';

/** The tag of every corpus image. */
export const CORPUS_TAG = '1.0.0';

export type CorpusName =
  | 'good'
  | 'amd64-only'
  | 'arm64-only-attested'
  | 'legacy-list'
  | 'wrong-host-binary'
  | 'many-platforms'
  | 'windows-entry'
  | 'private';

export interface CorpusImage {
  readonly name: CorpusName;
  /** The platforms it publishes, in the order of its index (a single manifest: the one its config names). */
  readonly platforms: readonly string[];
  readonly attestations: number;
  readonly kind: ManifestKind;
  /** The verdict its construction implies on a linux/amd64 and on a linux/arm64 host (private: after `docker login`). */
  readonly verdict: { readonly amd64: Verdict; readonly arm64: Verdict };
  /** Where it is pushed: `open` as OPEN/corpus/NAME:1.0.0, `login-only` as AUTH/private/good:1.0.0 (a copy of good). */
  readonly registry: 'open' | 'login-only';
  /** Pulled into the engine by `testenv seed` (and in the recorded engines' `image ls`). */
  readonly inEngine: boolean;
}

const BOTH = ['linux/amd64', 'linux/arm64'] as const;
const READY = { amd64: 'ready', arm64: 'ready' } as const;

export const CORPUS: readonly CorpusImage[] = [
  {
    name: 'good',
    platforms: BOTH,
    attestations: 2,
    kind: 'oci-index',
    verdict: READY,
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'amd64-only',
    platforms: ['linux/amd64'],
    attestations: 0,
    kind: 'docker-manifest',
    verdict: { amd64: 'missing-platforms', arm64: 'incompatible' },
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'arm64-only-attested',
    platforms: ['linux/arm64'],
    attestations: 1,
    kind: 'oci-index',
    verdict: { amd64: 'incompatible', arm64: 'missing-platforms' },
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'legacy-list',
    platforms: BOTH,
    attestations: 0,
    kind: 'docker-manifest-list',
    verdict: READY,
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'wrong-host-binary',
    platforms: BOTH,
    attestations: 2,
    kind: 'oci-index',
    verdict: READY,
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'many-platforms',
    platforms: [...BOTH, 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'],
    attestations: 8,
    kind: 'oci-index',
    verdict: READY,
    registry: 'open',
    inEngine: true,
  },
  {
    name: 'windows-entry',
    platforms: [...BOTH, 'windows/amd64'],
    attestations: 2,
    kind: 'oci-index',
    verdict: READY,
    registry: 'open',
    inEngine: false,
  },
  {
    name: 'private',
    platforms: BOTH,
    attestations: 2,
    kind: 'oci-index',
    verdict: READY,
    registry: 'login-only',
    inEngine: false,
  },
];

/** The never-pushed image: only in the engine's store, built for linux/amd64. */
export const LOCAL_ONLY_IMAGE = { platforms: ['linux/amd64'], verdict: 'local-only' } as const satisfies {
  platforms: readonly string[];
  verdict: Verdict;
};

export function corpusImage(name: CorpusName): CorpusImage {
  const image = CORPUS.find((candidate) => candidate.name === name);
  if (image === undefined) throw new Error(`no corpus image ${name}`);
  return image;
}

/** The corpus images on the open registry, as OPEN/corpus/NAME:1.0.0. */
export const OPEN_CORPUS: readonly CorpusImage[] = CORPUS.filter((image) => image.registry === 'open');

/** The corpus images pulled into the engine. */
export const ENGINE_CORPUS: readonly CorpusImage[] = CORPUS.filter((image) => image.inEngine);

/** `127.0.0.1:5100/corpus/good:1.0.0` for registry `127.0.0.1:5100` and name `good`. */
export const corpusReference = (registry: string, name: CorpusName): string =>
  `${registry}/corpus/${name}:${CORPUS_TAG}`;

/** A corpus image as test/data/fixtures names it, `127.0.0.1:5000/corpus/NAME:1.0.0`, for any name. */
export const recorded = (name: string): string => `127.0.0.1:5000/corpus/${name}:${CORPUS_TAG}`;

/** A copy, sorted (platform lists compared regardless of order). */
export const sorted = (keys: readonly string[]): string[] => [...keys].sort();
