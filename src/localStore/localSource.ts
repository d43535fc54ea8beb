/**
 * The local source of the deep check: this machine's variant of an image, read from the engine's local
 * image store instead of a registry (0 bytes from registries). It finds the image in the engine (only
 * by digest, imageLookup.ts), exports it (GET /images/{id}/get, with the platform where the API offers
 * it), spools the export to a per-check temporary folder (the index comes last), verifies every blob,
 * and reads the wanted paths layer by layer with the core's rules. At most `maxExports` exports run at
 * once; each has a deadline, the caller's cancel and a byte cap; the folder is removed on every path.
 * A never-pushed image has no registry digest: readImage finds it by its name and reads it by its ID.
 */
import { open as openFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import {
  err,
  FULL_SHA256,
  ok,
  parsePlatform,
  type ImageReference,
  type PlatformKey,
  type Result,
  type VariantFiles,
} from '../core/index.js';
import type { WantedPath } from '../core/inside/types.js';
import type { EngineClient, EngineImage } from '../engine/index.js';
import { linkedSignal } from '../core/anySignal.js';
import { variantLayout, type ReadHead } from './exportLayout.js';
import { openWriteFile, spoolExport, type OpenWrite } from './exportSpool.js';
import { findLocalImage, findNamedImage, type LocalImage, type RepositoryName } from './imageLookup.js';
import { readLayerFiles } from './layerWalk.js';
import { engineProblem, LocalProblem, type LocalFailure } from './localFailure.js';
import { DEFAULT_LOCAL_LIMITS, type LocalLimits } from './localLimits.js';
import { spoolCache, type SpoolLease } from './spoolCache.js';
import { cleanLeftovers, makeSpoolFolder, removeSpoolFolder, spoolRoot } from './spoolFolder.js';

export interface LocalSourceOptions {
  readonly engine: EngineClient;
  /** Where the per-check folders go (default: the system's temp folder). */
  readonly spoolBase?: string;
  readonly limits?: Partial<LocalLimits>;
  /** Opens spool files; tests hand one that fails like a full disk. */
  readonly openWrite?: OpenWrite;
}

export interface LocalRequest {
  readonly repo: RepositoryName;
  readonly variantDigest: string;
  /** The index the variant is listed in (lets a classic store's RepoDigests vouch for it). */
  readonly indexDigest?: string;
  readonly platform: PlatformKey;
}

export interface LocalReadOptions {
  readonly signal?: AbortSignal;
  /** The per-image deadline shared with other reads; wins over the default. */
  readonly deadline?: AbortSignal;
}

/** What the local source has done (for the benchmark and tests): registries get nothing from it. */
export interface LocalStats {
  exports: number;
  bytesExported: number;
  /** Reads that used a kept spool instead of exporting. */
  reused: number;
}

export interface LocalSource {
  readVariant(
    request: LocalRequest,
    wanted: readonly (string | WantedPath)[],
    options?: LocalReadOptions,
  ): Promise<Result<VariantFiles, LocalFailure>>;
  /**
   * The `platform` files of a never-pushed image, found by its name (findNamedImage) and read by the engine's
   * image ID: its own index or manifest on a containerd store, its config's docker-archive entry on a classic one.
   */
  readImage(
    reference: ImageReference,
    platform: PlatformKey,
    wanted: readonly (string | WantedPath)[],
    options?: LocalReadOptions,
  ): Promise<Result<VariantFiles, LocalFailure>>;
  readonly stats: Readonly<LocalStats>;
  /** Removes every kept spool. */
  close(): Promise<void>;
}

const readHead: ReadHead = async (file, max) => {
  const handle = await openFile(file, 'r');
  try {
    const buffer = Buffer.alloc(max);
    const { bytesRead } = await handle.read(buffer, 0, max, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
};

export function createLocalSource(options: LocalSourceOptions): LocalSource {
  const limits: LocalLimits = { ...DEFAULT_LOCAL_LIMITS, ...options.limits };
  const root = spoolRoot(options.spoolBase);
  const leftovers = cleanLeftovers(root);
  const gate = pLimit(Math.max(1, limits.maxExports));
  const cache = spoolCache(limits);
  const stats: LocalStats = { exports: 0, bytesExported: 0, reused: 0 };
  let listed: { readonly at: number; readonly images: Promise<EngineImage[]> } | undefined;

  async function images(): Promise<EngineImage[]> {
    if (listed !== undefined && Date.now() - listed.at < limits.listMs) return listed.images;
    const pending = options.engine.images().then((r) => {
      if (!r.ok) throw engineProblem(r.error);
      return r.value;
    });
    listed = { at: Date.now(), images: pending };
    pending.catch(() => {
      if (listed?.images === pending) listed = undefined;
    });
    return pending;
  }

  async function exportAndSpool(
    key: string,
    request: LocalRequest,
    o: Required<LocalReadOptions>,
  ): Promise<SpoolLease> {
    await leftovers;
    const image = findLocalImage(await images(), request);
    if (image === undefined)
      throw new LocalProblem(
        'not-in-engine',
        `the engine holds no image of ${request.repo.domain}/${request.repo.path} with the variant ${request.variantDigest.slice(0, 19)}`,
      );
    const platform = parsePlatform(request.platform);
    return gate(async () => {
      if (o.deadline.aborted) throw new LocalProblem('timeout', 'the deadline passed before the export could start');
      if (o.signal.aborted) throw new LocalProblem('cancelled', 'the read was cancelled before the export started');
      const folder = await makeSpoolFolder(root);
      try {
        const exported = await options.engine.exportImage(image.name, platform.ok ? platform.value : undefined, {
          signal: o.signal,
          deadline: o.deadline,
          maxBytes: limits.maxExportBytes,
        });
        if (!exported.ok && exported.error.kind === 'not-found')
          throw new LocalProblem(
            'not-in-engine',
            `the engine no longer holds ${image.id.slice(0, 19)} (removed since it was listed?): ${exported.error.message}`,
          );
        if (!exported.ok) throw engineProblem(exported.error);
        stats.exports += 1;
        const spooled = await spoolExport(
          exported.value.body,
          folder,
          { maxBytes: limits.maxExportBytes, maxEntries: limits.maxExportEntries },
          options.openWrite ?? openWriteFile,
        ).finally(() => {
          stats.bytesExported += exported.value.bytes();
        });
        const layout = await variantLayout(
          spooled,
          { variantDigest: request.variantDigest, configDigest: image.id, platform: request.platform },
          readHead,
        );
        return cache.keep(key, { folder, layout });
      } catch (e) {
        await removeSpoolFolder(folder);
        throw e;
      }
    });
  }

  async function readVariant(
    request: LocalRequest,
    wantedIn: readonly (string | WantedPath)[],
    o: LocalReadOptions = {},
  ): Promise<Result<VariantFiles, LocalFailure>> {
    const deadline = o.deadline ?? AbortSignal.timeout(limits.deadlineMs);
    const linked = o.signal ? linkedSignal([o.signal, deadline]) : undefined;
    const signal = linked?.signal ?? deadline;
    const abortMessage = (): string =>
      deadline.aborted ? 'the local read did not finish before the deadline' : 'the local read was cancelled';
    if (!FULL_SHA256.test(request.variantDigest))
      return err({
        kind: 'bad-export',
        message: `"${request.variantDigest.slice(0, 80)}" is not a sha256 manifest digest`,
      });
    const key = `${request.repo.domain}/${request.repo.path}@${request.variantDigest}|${request.platform}`;
    let lease: SpoolLease | undefined;
    try {
      lease = cache.lease(key);
      if (lease) stats.reused += 1;
      else lease = await exportAndSpool(key, request, { signal: o.signal ?? new AbortController().signal, deadline });
      const wanted = wantedIn.map((w) => (typeof w === 'string' ? { path: w } : w));
      const files = await readLayerFiles(lease.spool.layout.layers, wanted, limits, { signal, abortMessage });
      return ok({
        platform: request.platform,
        digest: request.variantDigest,
        files,
        bytesRead: 0,
        bytesTotal: lease.spool.layout.layers.reduce((n, l) => n + l.size, 0),
      });
    } catch (e) {
      if (e instanceof LocalProblem) {
        const { kind } = e.failure;
        // An engine error raised by the abort itself says why it stopped.
        if (signal.aborted && kind !== 'timeout' && kind !== 'cancelled')
          return err({ kind: deadline.aborted ? 'timeout' : 'cancelled', message: abortMessage() });
        return err(e.failure);
      }
      return err({ kind: 'engine-error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      linked?.dispose();
      await lease?.release();
    }
  }

  async function readImage(
    reference: ImageReference,
    platform: PlatformKey,
    wanted: readonly (string | WantedPath)[],
    o: LocalReadOptions = {},
  ): Promise<Result<VariantFiles, LocalFailure>> {
    let image: LocalImage | undefined;
    try {
      image = findNamedImage(await images(), reference);
    } catch (e) {
      if (e instanceof LocalProblem) return err(e.failure);
      return err({ kind: 'engine-error', message: e instanceof Error ? e.message : String(e) });
    }
    if (image === undefined)
      return err({ kind: 'not-in-engine', message: `the engine holds no image named ${reference.familiar}` });
    const repo = { domain: reference.domain, path: reference.path };
    return readVariant({ repo, variantDigest: image.id, platform }, wanted, o);
  }

  return { readVariant, readImage, stats, close: () => cache.close() };
}
