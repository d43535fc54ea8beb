/**
 * What the read of one layer was doing when the deadline passed, so its message says where the time went:
 * waiting for the registry (the blob request, or the next bytes of its answer) or working on bytes already
 * at hand (decompressing, walking the tar: a decompression bomb, a layer of many entries). The blob source
 * marks its waits for the network and the tar walk counts what it was given; the picture is taken the moment
 * the deadline fires, before anything unwinds.
 */
import { formatBytes } from '../core/bytes.js';
import type { Compression } from './layerStream.js';

/** The read of one layer so far (mutable counters, shared by the blob source and the tar walk). */
export interface LayerProgress {
  /** Waits for the registry pending now: the blob request, or the next bytes of its answer. */
  registryWaits: number;
  /** Bytes of the layer blob at hand (a cached prefix included). */
  blobBytes: number;
  /** Uncompressed tar bytes given to the tar walk. */
  tarBytes: number;
  /** Tar entries the walk has seen. */
  tarEntries: number;
}

export const layerProgress = (): LayerProgress => ({ registryWaits: 0, blobBytes: 0, tarBytes: 0, tarEntries: 0 });

/** Awaits `pending` counted as a wait for the registry (when there is a progress to count in). */
export async function registryWait<T>(progress: LayerProgress | undefined, pending: Promise<T>): Promise<T> {
  if (progress === undefined) return pending;
  progress.registryWaits += 1;
  try {
    return await pending;
  } finally {
    progress.registryWaits -= 1;
  }
}

/** The layer a deadline message names. */
export interface LayerAtDeadline {
  /** "layer sha256:0123456789ab" */
  readonly where: string;
  /** The size its descriptor declares. */
  readonly size: number;
  readonly compression: Compression;
}

const entries = (n: number): string => `${n} tar ${n === 1 ? 'entry' : 'entries'}`;

/** What `progress` says about a layer read the deadline stopped. */
export function deadlineMessage(layer: LayerAtDeadline, progress: Readonly<LayerProgress>): string {
  const { where } = layer;
  if (progress.registryWaits > 0)
    return progress.blobBytes === 0
      ? `${where}: the registry did not answer before the deadline`
      : `${where}: the registry had sent ${formatBytes(progress.blobBytes)} of the layer's ${formatBytes(layer.size)} when the deadline passed`;
  if (layer.compression === 'none')
    return `the deadline passed while reading ${where} (${formatBytes(progress.tarBytes)} and ${entries(progress.tarEntries)} read so far)`;
  // In: the layer's bytes at hand (downloaded or cached); out: the tar bytes decompressed from them.
  return `the deadline passed while decompressing ${where} (${formatBytes(progress.blobBytes)} of the layer in, ${formatBytes(progress.tarBytes)} out, ${entries(progress.tarEntries)} read so far)`;
}

export interface DeadlineWatch {
  /** The message for the moment the deadline passed (now, if it has not yet). */
  message(): string;
  stop(): void;
}

/** Watches `deadline` during the read of `layer`: its message is taken when the deadline fires. */
export function watchDeadline(deadline: AbortSignal, layer: LayerAtDeadline, progress: LayerProgress): DeadlineWatch {
  let taken = deadline.aborted ? `the deadline had passed before ${layer.where} was read` : undefined;
  const take = (): void => {
    taken ??= deadlineMessage(layer, progress);
  };
  deadline.addEventListener('abort', take, { once: true });
  return {
    message: () => taken ?? deadlineMessage(layer, progress),
    stop: () => deadline.removeEventListener('abort', take),
  };
}
