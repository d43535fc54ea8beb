/**
 * What the deep check orchestration is given: the platform check of a reference (the source of its
 * index) and a reader of a variant's files. The CLI gives the command layer's inspectImage
 * (`buildx imagetools inspect --raw`) and the registry reader with docker's stored logins; the backend
 * gives an index read by the registry reader itself (it runs no commands) and no credentials.
 */
import type { CommandFailure, ImageBytes, InspectResult, PlatformKey, Result, VariantFiles } from '../core/index.js';
import type { WantedPath } from '../core/inside/layerFiles.js';

/** A registry and repository, as in a parsed reference. */
export interface Repository {
  readonly domain: string;
  readonly path: string;
}

/** A path to read in a variant; `maxBytes` for a whole small file (metadata.json, a compose file). The core's WantedPath. */
export type WantedFile = WantedPath;

/** The per-image byte budget all reads of one image share (the core's type, as the registry reader takes it). */
export type { ImageBytes };

export interface VariantReadOptions {
  readonly platform: PlatformKey;
  /** The caller's cancel. */
  readonly signal?: AbortSignal;
  /** The per-image deadline shared by every read of one image. */
  readonly deadline?: AbortSignal;
  /** The per-image byte budget shared by every read of one image: the reader adds what it downloads and stops past `max`. */
  readonly budget?: ImageBytes;
}

/** The registry reader's one method the orchestration uses (src/registry's RegistryReader has it). */
export interface VariantFileReader {
  readVariantFiles(
    repo: Repository,
    variantDigest: string,
    wanted: readonly (string | WantedFile)[],
    options: VariantReadOptions,
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
