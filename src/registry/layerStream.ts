/**
 * One layer blob as a stream of tar entries: gzip (DecompressionStream), zstd (fzstd) or plain tar,
 * parsed with tar-stream and fed to the pure LayerFiles resolution. Stops (cancelling the download) as
 * soon as every wanted path is settled.
 */
import { Decompress } from 'fzstd';
import { extract as tarExtract } from 'tar-stream';
import type { LayerFiles } from '../core/inside/layerFiles.js';

export type Compression = 'gzip' | 'zstd' | 'none';

/** Why a layer could not be read to the end: becomes the `unreadable` reason of the paths it leaves open. */
export class LayerProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayerProblem';
  }
}

/** The compression a layer media type declares; undefined for media types that are not tar layers. */
export function compressionOf(mediaType: string): Compression | undefined {
  if (/\.tar\+gzip$|\.tar\.gzip$|tar\.gz$|tar\+gz$/.test(mediaType)) return 'gzip';
  if (/\.tar\+zstd$/.test(mediaType)) return 'zstd';
  if (/\.tar$/.test(mediaType)) return 'none';
  return undefined;
}

const MAGIC: Readonly<Record<Exclude<Compression, 'none'>, readonly number[]>> = {
  gzip: [0x1f, 0x8b],
  zstd: [0x28, 0xb5, 0x2f, 0xfd],
};

/** Passes bytes through after checking the stream starts with the magic of its declared compression. */
function magicCheck(compression: Exclude<Compression, 'none'>): TransformStream<Uint8Array, Uint8Array> {
  const magic = MAGIC[compression];
  let checked = false;
  let held = new Uint8Array();
  const check = (bytes: Uint8Array): void => {
    if (!magic.every((b, i) => bytes[i] === b)) {
      throw new LayerProblem(`the layer is declared ${compression} but is not ${compression} data`);
    }
    checked = true;
  };
  return new TransformStream({
    transform(chunk, controller) {
      if (checked) return controller.enqueue(chunk);
      const joined = new Uint8Array(held.byteLength + chunk.byteLength);
      joined.set(held);
      joined.set(chunk, held.byteLength);
      if (joined.byteLength < magic.length) {
        held = joined;
        return;
      }
      check(joined);
      controller.enqueue(joined);
    },
    flush() {
      if (!checked)
        throw new LayerProblem(
          `the layer is declared ${compression} but is ${held.byteLength === 0 ? 'empty' : 'too short'}`,
        );
    },
  });
}

function zstdStream(): TransformStream<Uint8Array, Uint8Array> {
  let out: TransformStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  const decoder = new Decompress((chunk, final) => {
    if (chunk.byteLength > 0) out?.enqueue(chunk);
    if (final) ended = true;
  });
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      decoder.push(chunk, final);
    } catch (e) {
      throw new LayerProblem(`the zstd data is corrupt (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      out = controller;
      push(chunk, false);
    },
    flush(controller) {
      out = controller;
      push(new Uint8Array(), true);
      if (!ended) throw new LayerProblem('the zstd data ends early (truncated layer)');
    },
  });
}

/** The uncompressed tar bytes of a layer blob. */
export function decompressed(blob: ReadableStream<Uint8Array>, compression: Compression): ReadableStream<Uint8Array> {
  if (compression === 'none') return blob;
  const checked = blob.pipeThrough(magicCheck(compression));
  if (compression === 'zstd') return checked.pipeThrough(zstdStream());
  return checked.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

export interface TarLimits {
  /** Tar entries per image (tar bomb). */
  readonly maxEntries: number;
  /** Uncompressed bytes per image (decompression bomb). */
  readonly maxUncompressedBytes: number;
}

/** Counted over every layer of one read. */
export interface TarCounters {
  entries: number;
  uncompressedBytes: number;
}

function describe(e: unknown): string {
  if (e instanceof LayerProblem) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  if (/unexpected end|premature|truncat|incorrect header|invalid|unexpected eof/i.test(message)) {
    return `the layer is truncated or corrupt (${message})`;
  }
  if (/terminated|ECONNRESET|socket|other side closed/i.test(message)) return `the download was cut off (${message})`;
  return message;
}

/** Collects the first `max` bytes of the chunks it is given. */
function headCollector(max: number): { add(chunk: Uint8Array): void; bytes(): Uint8Array } {
  const head = new Uint8Array(max);
  let at = 0;
  return {
    add(chunk) {
      if (at >= max) return;
      const part = chunk.subarray(0, max - at);
      head.set(part, at);
      at += part.byteLength;
    },
    bytes: () => head.slice(0, at),
  };
}

/**
 * Walks one layer's tar. Resolves 'settled' when every wanted path is decided (the download is
 * cancelled there), 'end' after the last entry. Throws LayerProblem for a truncated, corrupt or
 * over-limit layer; registry failures thrown by the blob source pass through.
 * Uses tar-stream's entry callbacks (its primary interface) with the bytes pulled from `tar` by hand.
 */
export async function walkLayer(
  tar: ReadableStream<Uint8Array>,
  files: LayerFiles,
  limits: TarLimits,
  counters: TarCounters,
): Promise<'settled' | 'end'> {
  const extract = tarExtract();
  const reader = tar.getReader();
  let outcome: 'settled' | 'end' | undefined;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const stopWaiting = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitForChange = (): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
    });
  const fail = (e: unknown): void => {
    if (outcome === undefined && failure === undefined) failure = e;
    stopWaiting();
  };

  extract.on('entry', (header, stream, next) => {
    counters.entries += 1;
    if (counters.entries > limits.maxEntries) {
      fail(new LayerProblem(`the layers hold more than ${limits.maxEntries} entries (the per-image limit)`));
      return;
    }
    const decision = files.entry(header);
    const head = decision.read ? headCollector(decision.maxBytes) : undefined;
    stream.on('data', (chunk: unknown) => {
      if (chunk instanceof Uint8Array) head?.add(chunk);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (decision.read && head) files.content(decision.path, head.bytes());
      if (files.settled()) {
        outcome ??= 'settled';
        stopWaiting();
        return;
      }
      next();
    });
    stream.resume();
  });
  extract.on('finish', () => {
    outcome ??= 'end';
    stopWaiting();
  });
  extract.on('error', fail);

  try {
    // Pull bytes while the tar wants more; stop as soon as it is settled, finished or failed.
    while (outcome === undefined && failure === undefined) {
      const { done, value } = await reader.read().catch((e: unknown) => {
        fail(e);
        return { done: true as const, value: undefined };
      });
      if (failure !== undefined || outcome !== undefined) break;
      if (done) {
        const ended = waitForChange();
        extract.end(undefined);
        await ended;
        break;
      }
      counters.uncompressedBytes += value.byteLength;
      if (counters.uncompressedBytes > limits.maxUncompressedBytes) {
        fail(
          new LayerProblem(
            `the layers hold more than ${limits.maxUncompressedBytes} uncompressed bytes (the per-image limit)`,
          ),
        );
        break;
      }
      if (!extract.write(value)) {
        const changed = waitForChange();
        const onDrain = (): void => stopWaiting();
        extract.once('drain', onDrain);
        await changed;
        extract.off('drain', onDrain);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    if (!extract.destroyed) extract.destroy();
  }
  if (outcome !== undefined && failure === undefined) return outcome;
  throw passThrough(failure ?? new LayerProblem('the layer ended unexpectedly'));
}

/** Registry failures keep their kind; everything else becomes a LayerProblem with a readable reason. */
function passThrough(e: unknown): unknown {
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RegistryFailure') return e;
  return e instanceof LayerProblem ? e : new LayerProblem(describe(e));
}
