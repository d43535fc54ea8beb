/**
 * The registry reader: the files a platform variant of an image holds at the wanted paths, read over
 * the registry HTTP API. One manifest GET per variant (none when cached), layers TOP FIRST, each streamed
 * and stopped as soon as every wanted path is settled: lower layers (usually the big base image) are
 * never downloaded then. Read-only (GET), per-read deadline and cancel, byte cap, cache by digest.
 */
import { createLayerFiles, DEFAULT_HEAD_BYTES, DEFAULT_MAX_DIR_ENTRIES } from '../core/inside/layerFiles.js';
import type { FoundFile, VariantFiles, WantedPath } from '../core/inside/types.js';
import { imageLayers } from '../core/imageSize.js';
import { isRecord, parseJson } from '../core/json.js';
import { err, ok, type Result } from '../core/result.js';
import type { CommandFailure, Descriptor, Repository } from '../core/types.js';
import { SHA256_DIGEST, sha256Digest } from '../core/sha256.js';
import { memoryBlobCache, type BlobCache } from './blobCache.js';
import { blobStream, type ByteBudget } from './blobSource.js';
import type { CredentialsPort } from './credentials.js';
import type { VariantFileReader, VariantReadOptions } from '../deepCheck/ports.js';
import { failure, RegistryFailure } from './httpFailure.js';
import { layerProgress, watchDeadline } from './layerDeadline.js';
import { DigestMismatch, LayerProblem } from './layerProblem.js';
import { compressionOf, decompressed } from './layerStream.js';
import { readClock } from './readClock.js';
import { RegistryClient } from './registryClient.js';
import type { HostLookup } from './linkLocalGuard.js';
import { requestSignals, type FetchLike, type RequestSignals } from './request.js';
import { walkLayer } from './tarWalk.js';
import { imageWindows } from './windowAllowance.js';

export interface ReaderLimits {
  /** Compressed bytes downloaded per image: the cap of a read given no shared `budget` (default 256 MiB). */
  readonly maxBytesPerImage: number;
  /** Uncompressed tar bytes walked per image, all its reads together (default 2 GiB). */
  readonly maxUncompressedBytes: number;
  /** Tar entries walked per image, all its reads together (default 200 000). */
  readonly maxEntries: number;
  /** Bytes kept from the start of each file (default 4 KiB). */
  readonly headBytes: number;
  /** Files listed per wanted directory (default 64). */
  readonly maxDirEntries: number;
  /** Deadline of one read when the call gives none (default 60 s). */
  readonly deadlineMs: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  maxBytesPerImage: 256 * 1024 * 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 200_000,
  headBytes: DEFAULT_HEAD_BYTES,
  maxDirEntries: DEFAULT_MAX_DIR_ENTRIES,
  deadlineMs: 60_000,
};

export interface RegistryReaderOptions {
  readonly credentials: CredentialsPort;
  /** Default: an in-memory cache for the life of the reader. */
  readonly cache?: BlobCache;
  readonly fetch?: FetchLike;
  /** How host names are resolved and checked for link-local answers (see RegistryClientOptions.lookup). */
  readonly lookup?: HostLookup;
  readonly limits?: Partial<ReaderLimits>;
}

/**
 * The deep check's read options, and one of the reader's own. Without a `budget` a read has its own, capped
 * at the reader's maxBytesPerImage.
 */
export interface ReadOptions extends VariantReadOptions {
  /** Deadline of this read (all its requests) when no `deadline` is given; default from the reader's limits. */
  readonly deadlineMs?: number;
}

/** What the reader has done since it was made (for the benchmark and tests). */
export interface ReaderStats {
  manifestGets: number;
  blobGets: number;
  bytesDownloaded: number;
}

/** The deep check's variant file reader, over the registry HTTP API, with counts of what it did. */
export interface RegistryReader extends VariantFileReader<ReadOptions> {
  readonly stats: Readonly<ReaderStats>;
}

function toFailure(e: unknown, signals: RequestSignals): CommandFailure {
  if (e instanceof RegistryFailure) return e.failure;
  // The deadline first: a cancel signal may itself include the deadline (AbortSignal.any), so both are aborted then.
  if (signals.deadline.aborted) return { kind: 'timeout', message: 'the registry did not answer before the deadline' };
  if (signals.cancel?.aborted) return { kind: 'cancelled', message: 'the read was cancelled' };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

/** The layers of a variant's image manifest (untrusted bytes), bottom first; or why it is not one. */
function variantLayers(bytes: Uint8Array): Result<readonly Descriptor[], string> {
  const json = parseJson(new TextDecoder().decode(bytes), 'manifest');
  if (!json.ok) return err(json.error.message);
  if (!isRecord(json.value)) return err('not a JSON object');
  const layers = imageLayers(json.value);
  return layers.ok ? layers : err(layers.error.message);
}

export function createRegistryReader(options: RegistryReaderOptions): RegistryReader {
  const limits: ReaderLimits = { ...DEFAULT_READER_LIMITS, ...options.limits };
  const cache = options.cache ?? memoryBlobCache();
  const client = new RegistryClient({
    credentials: options.credentials,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });
  const stats: ReaderStats = { manifestGets: 0, blobGets: 0, bytesDownloaded: 0 };

  async function manifestBytes(repo: Repository, digest: string, signals: RequestSignals): Promise<Uint8Array> {
    const cached = await cache.getManifest(digest);
    if (cached) return cached;
    stats.manifestGets += 1;
    const got = await client.manifest(repo, digest, signals);
    if ((await sha256Digest(got.bytes)) !== digest) {
      throw failure('error', `the registry's manifest for ${digest} does not match that digest`);
    }
    await cache.putManifest(digest, got.bytes);
    return got.bytes;
  }

  async function readVariantFiles(
    repo: Repository,
    variantDigest: string,
    wantedIn: readonly (string | WantedPath)[],
    read: ReadOptions,
  ): Promise<Result<VariantFiles, CommandFailure>> {
    const signals = requestSignals(read.deadline ?? read.deadlineMs ?? limits.deadlineMs, read.signal);
    try {
      return await readWith(signals, repo, variantDigest, wantedIn, read);
    } finally {
      signals.dispose();
    }
  }

  async function readWith(
    signals: RequestSignals,
    repo: Repository,
    variantDigest: string,
    wantedIn: readonly (string | WantedPath)[],
    read: ReadOptions,
  ): Promise<Result<VariantFiles, CommandFailure>> {
    if (!SHA256_DIGEST.test(variantDigest))
      return err({ kind: 'error', message: `"${variantDigest.slice(0, 80)}" is not a sha256 manifest digest` });
    const wanted = wantedIn.map((w) => (typeof w === 'string' ? { path: w } : w));
    let layers: Result<readonly Descriptor[], string>;
    try {
      layers = variantLayers(await manifestBytes(repo, variantDigest, signals));
    } catch (e) {
      return err(toFailure(e, signals));
    }
    if (!layers.ok)
      return err({ kind: 'error', message: `the variant manifest ${variantDigest.slice(0, 19)}: ${layers.error}` });
    const bytesTotal = layers.value.reduce((n, l) => n + l.size, 0);
    const files = createLayerFiles(wanted, { headBytes: limits.headBytes, maxDirEntries: limits.maxDirEntries });
    const image = read.budget ?? { downloaded: 0, max: limits.maxBytesPerImage };
    const budget: ByteBudget = { downloaded: 0, blobGets: 0, image };
    const clock = readClock(signals.signal);
    const decoding = { clock, windows: imageWindows(image) };
    let problem: string | undefined;
    /** Paths settled from a layer whose bytes turned out not to match its digest. */
    const untrusted = new Set<string>();
    for (const layer of [...layers.value].reverse()) {
      if (files.settled()) break;
      const compression = compressionOf(layer.mediaType);
      if (compression === undefined) {
        problem = `layer ${layer.digest.slice(0, 19)} has the media type "${layer.mediaType.slice(0, 100)}", not a tar layer`;
        break;
      }
      if (!SHA256_DIGEST.test(layer.digest)) {
        problem = `layer digest "${layer.digest.slice(0, 80)}" is not sha256`;
        break;
      }
      const where = `layer ${layer.digest.slice(0, 19)}`;
      const progress = layerProgress();
      const deadline = watchDeadline(signals.deadline, { where, size: layer.size, compression }, progress);
      const blob = blobStream({ client, cache, repo, blob: layer, signals, budget, progress });
      const openBefore = files.pending();
      try {
        const tar = decompressed(blob.stream, compression, decoding);
        const outcome = await walkLayer(tar, files, limits, image, clock, progress);
        if (outcome === 'end') files.endLayer();
      } catch (e) {
        if (e instanceof DigestMismatch) {
          const open = new Set(files.pending());
          for (const path of openBefore) if (!open.has(path)) untrusted.add(path);
        }
        const stopped = signals.signal.aborted && !(e instanceof RegistryFailure);
        if (e instanceof LayerProblem && !stopped) problem = `${where}: ${e.message}`;
        // The deadline's message says what the read was doing when it passed (see layerDeadline.ts).
        else if (stopped && signals.deadline.aborted) problem = deadline.message();
        else problem = `${where}: ${toFailure(stopped ? undefined : e, signals).message}`;
        break;
      } finally {
        deadline.stop();
        await blob.close();
      }
    }
    stats.blobGets += budget.blobGets;
    stats.bytesDownloaded += budget.downloaded;
    const found = new Map<string, FoundFile>(files.finish());
    if (problem !== undefined) {
      for (const path of [...files.pending(), ...untrusted])
        found.set(path, { kind: 'unreadable', path, reason: problem });
    }
    return ok({
      platform: read.platform,
      digest: variantDigest,
      files: found,
      bytesRead: budget.downloaded,
      bytesTotal,
    });
  }

  return { readVariantFiles, stats };
}
