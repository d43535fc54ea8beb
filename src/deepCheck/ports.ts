/**
 * What the deep check orchestration is given: the platform check of a reference (the source of its
 * index) and a reader of a variant's files. The CLI gives the command layer's inspectImage
 * (`buildx imagetools inspect --raw`) and the registry reader with docker's stored logins; the backend
 * gives an index read by the registry reader itself (it runs no commands) and no credentials.
 */
import type {
  CommandFailure,
  ImageBytes,
  InspectResult,
  PlatformKey,
  Repository,
  Result,
  VariantFiles,
  WantedPath,
} from '../core/index.js';

export interface VariantReadOptions {
  /** The variant's platform, carried into the result ("linux/arm64"). */
  readonly platform: PlatformKey;
  /** The caller's cancel. */
  readonly signal?: AbortSignal;
  /**
   * The per-image deadline shared by several reads (both steps, every variant), e.g. AbortSignal.timeout(ms)
   * made once per image; when it fires the failure is 'timeout'.
   */
  readonly deadline?: AbortSignal;
  /**
   * The image's compressed bytes, shared by all its reads (both steps, every variant, even at once), so the
   * image as a whole stays within `max` (give `{ downloaded: 0, max }` once per image): the reader adds what
   * it downloads and stops past `max`.
   */
  readonly budget?: ImageBytes;
}

/**
 * The registry reader's one method the orchestration uses; src/registry's RegistryReader implements it (with
 * options of its own beside these: `Options`).
 */
export interface VariantFileReader<Options extends VariantReadOptions = VariantReadOptions> {
  /**
   * The files at `wanted` in the variant `variantDigest` of `repo`. A string wants a file's head
   * (4 KiB); `{ path, maxBytes }` wants up to maxBytes (≤ 1 MiB, e.g. the whole /metadata.json).
   * Fails (typed, never throws) only when the variant manifest cannot be had; layer problems
   * become `unreadable` files with their reason.
   */
  readVariantFiles(
    repo: Repository,
    variantDigest: string,
    wanted: readonly (string | WantedPath)[],
    options: Options,
  ): Promise<Result<VariantFiles, CommandFailure>>;
  /**
   * Present only where the reader reads this machine's engine: the files at `wanted` of a never-pushed image
   * (its platform check's source is the local store), by the name the engine holds it under; its one variant is
   * `options.platform`. Absent: such an image is not checked inside, as no registry has its files.
   */
  readLocalImage?(
    reference: string,
    wanted: readonly (string | WantedPath)[],
    options: Options,
  ): Promise<Result<VariantFiles, CommandFailure>>;
}

/** The platform check of one reference; never rejects (a failure is a verdict). */
export type PlatformCheck = (reference: string, signal: AbortSignal) => Promise<InspectResult>;

/** Where the deep check runs: decides what a row that could not be read tells people to run. */
export type DeepCheckSite = 'cli' | 'backend';

export interface DeepCheckDeps {
  readonly platformCheck: PlatformCheck;
  readonly reader: VariantFileReader;
  readonly site: DeepCheckSite;
}
