/**
 * What the deep check orchestration is given: the platform check of a reference (the source of its
 * index) and a reader of a variant's files. The CLI gives the command layer's inspectImage
 * (`buildx imagetools inspect --raw`) and the registry reader with docker's stored logins; the backend
 * gives an index read by the registry reader itself (it runs no commands) and no credentials.
 */
import type { CommandFailure, InspectResult, PlatformKey, Result, VariantFiles } from '../core/index.js';

/** A registry and repository, as in a parsed reference. */
export interface Repository {
  readonly domain: string;
  readonly path: string;
}

/** A path to read in a variant; `maxBytes` for a whole small file (metadata.json, a compose file). */
export interface WantedFile {
  readonly path: string;
  readonly maxBytes?: number;
}

/** Compressed bytes downloaded for one image and its cap, shared by all its reads (which run at once). */
export interface ImageBytes {
  downloaded: number;
  readonly max: number;
}

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
  readVariantFiles(repo: Repository, variantDigest: string, wanted: readonly (string | WantedFile)[], options: VariantReadOptions): Promise<Result<VariantFiles, CommandFailure>>;
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
