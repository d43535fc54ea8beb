/**
 * The shape of the deep corpus description (test/support/deepCorpus.ts): the variants, the expected
 * findings per image, and one entry of the table before the test environment gives it its references.
 */
import type { BackendImageFinding, HostBinaryFinding, HostOs } from '@core/inside/types.js';

/** The two variants every deep image publishes. */
export const DEEP_VARIANTS = ['linux/amd64', 'linux/arm64'] as const;
export type DeepVariant = (typeof DEEP_VARIANTS)[number];

/** The verdict `archmatrix --deep` gives each deep image. */
export type DeepExpectedVerdict = 'ready' | 'wrong-host-binary' | 'backend-missing-platforms';

/** One host binary finding, as HostBinaryFinding's comparable fields (no message / fix wording). */
export interface DeepExpectedBinary extends Pick<HostBinaryFinding, 'os' | 'path' | 'state' | 'found'> {
  readonly platform: DeepVariant;
  /** A non-ok Windows cell in linux/arm64: a warning that never changes the verdict (false for ok cells). */
  readonly warningOnly: boolean;
  /** For 'missing': deleted by a whiteout (`.wh.<name>` or an opaque directory) rather than never there. */
  readonly whitedOut?: boolean;
}

export type DeepExpectedBackend = Pick<BackendImageFinding, 'reference' | 'source' | 'self' | 'platforms' | 'verdict'>;

/** What /metadata.json of every variant is. */
export type DeepMetadataState = 'ok' | 'not-json' | 'absent';

export interface DeepCorpusImage {
  /** Unique key: the repository's last part, plus "@auth" for the copy on the login-only registry. */
  readonly key: string;
  /** Name in seed-deep.sh's DEEP_CORPUS (the image's NAME label). */
  readonly name: string;
  /** Folder of its sources: test/env/corpus/deep-<folder>. */
  readonly folder: string;
  readonly registry: 'open' | 'auth';
  /** e.g. deep/good */
  readonly repository: string;
  /** registry/repository:1.0.0 */
  readonly reference: string;
  readonly description: string;
  readonly layerCompression: 'gzip' | 'zstd';
  /** Attestation manifests in the index (buildx provenance: one per platform; none for deep-whiteout). */
  readonly attestations: number;
  readonly metadata: DeepMetadataState;
  /** Paths metadata.json lists that are not usable (relative, `..`): never looked up in the image (hostBinaries has their unreadable findings). */
  readonly badPaths: readonly { readonly os: HostOs; readonly path: string }[];
  /** Every finding: by os (darwin, windows, linux), then path as metadata.json lists it, then variant (amd64, arm64). */
  readonly hostBinaries: readonly DeepExpectedBinary[];
  readonly backend: readonly DeepExpectedBackend[];
  readonly verdict: DeepExpectedVerdict;
  /** Size of the bottom layer when it is the ~30 MiB incompressible base (deep-big-base): never downloaded. */
  readonly bigBottomLayerBytes?: number;
  /** Which way this table goes where the rules could reasonably go either way (src/core/inside must agree). */
  readonly decision?: string;
}

export const DEEP_TAG = '1.0.0';
/** The ~30 MiB base under deep-big-base, on the open registry (not an extension). */
export const DEEP_BIG_BASE_REPOSITORY = 'testenv/big-base';

/** One image of the table, before deepCorpus() gives it its registry, repository and reference. */
export interface DeepCorpusEntry extends Omit<
  DeepCorpusImage,
  | 'key'
  | 'registry'
  | 'repository'
  | 'reference'
  | 'layerCompression'
  | 'attestations'
  | 'metadata'
  | 'badPaths'
  | 'backend'
> {
  readonly layerCompression?: 'gzip' | 'zstd';
  readonly attestations?: number;
  readonly metadata?: DeepMetadataState;
  readonly badPaths?: DeepCorpusImage['badPaths'];
  readonly backend?: (self: string, open: string) => DeepExpectedBackend[];
}
