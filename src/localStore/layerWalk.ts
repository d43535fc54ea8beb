/**
 * The wanted paths of a variant read from its spooled layers, TOP LAYER FIRST, with the core's layer
 * rules (createLayerFiles: wanted paths, whiteouts, heads) and the registry reader's layer walk
 * (walkLayer, decompressed: gzip, zstd or plain tar, entry and size limits, the read's clock). Stops as soon as every
 * path is settled. A layer that cannot be read leaves the paths still open unreadable, with the reason.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createLayerFiles } from '../core/inside/layerFiles.js';
import type { WantedPath } from '../core/inside/types.js';
import type { FoundFile } from '../core/index.js';
import type { ImageBytes } from '../core/inside/types.js';
import { decompressed } from '../registry/layerStream.js';
import { readClock } from '../registry/readClock.js';
import { walkLayer, type TarLimits } from '../registry/tarWalk.js';
import { imageWindows } from '../registry/windowAllowance.js';
import type { LayerFile } from './exportLayout.js';

export interface WalkLimits extends TarLimits {
  readonly headBytes: number;
  readonly maxDirEntries: number;
}

export interface WalkSignals {
  readonly signal: AbortSignal;
  /** Why the walk stopped when `signal` aborted (timeout or cancelled). */
  readonly abortMessage: () => string;
}

function webStream(file: string, signals: WalkSignals): { stream: ReadableStream<Uint8Array>; close: () => void } {
  const source = createReadStream(file);
  const onAbort = (): void => {
    source.destroy(new Error(signals.abortMessage()));
  };
  signals.signal.addEventListener('abort', onAbort, { once: true });
  return {
    stream: Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>,
    close: () => {
      signals.signal.removeEventListener('abort', onAbort);
      source.destroy();
    },
  };
}

/** The files at `wanted` in the image made of `layers` (bottom first). */
export async function readLayerFiles(
  layers: readonly LayerFile[],
  wanted: readonly WantedPath[],
  limits: WalkLimits,
  signals: WalkSignals,
): Promise<Map<string, FoundFile>> {
  const files = createLayerFiles(wanted, { headBytes: limits.headBytes, maxDirEntries: limits.maxDirEntries });
  // The image's counters (entries, uncompressed bytes) and its zstd window allowance: one per read of a
  // variant, as the registry reader keeps them per image. Nothing is downloaded, so `downloaded` stays 0.
  const image: ImageBytes = { downloaded: 0, max: Number.MAX_SAFE_INTEGER, uncompressed: 0, entries: 0 };
  const clock = readClock(signals.signal);
  const decoding = { clock, windows: imageWindows(image) };
  let problem: string | undefined;
  for (const layer of [...layers].reverse()) {
    if (files.settled()) break;
    const where = `layer ${layer.digest.slice(0, 19)}`;
    if (signals.signal.aborted) {
      problem = `${where}: ${signals.abortMessage()}`;
      break;
    }
    const opened = webStream(layer.file, signals);
    try {
      const tar = decompressed(opened.stream, layer.compression, decoding);
      const outcome = await walkLayer(tar, files, limits, image, clock);
      if (outcome === 'end') files.endLayer();
    } catch (e) {
      problem = `${where}: ${signals.signal.aborted ? signals.abortMessage() : e instanceof Error ? e.message : String(e)}`;
      break;
    } finally {
      opened.close();
    }
  }
  const found = new Map<string, FoundFile>(files.finish());
  if (problem !== undefined)
    for (const path of files.pending()) found.set(path, { kind: 'unreadable', path, reason: problem });
  return found;
}
