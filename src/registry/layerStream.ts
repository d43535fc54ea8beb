/**
 * One layer blob as a stream of tar entries: gzip (DecompressionStream), zstd (fzstd) or plain tar,
 * parsed with tar-stream and fed to the pure LayerFiles resolution. Stops (cancelling the download) as
 * soon as every wanted path is settled.
 */
import { Decompress } from 'fzstd';
import { extract as tarExtract } from 'tar-stream';
import type { LayerFiles } from '../core/deep/layerFiles.js';

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
      if (!checked) throw new LayerProblem(`the layer is declared ${compression} but is ${held.byteLength === 0 ? 'empty' : 'too short'}`);
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

/** Reads a chunk iterator's bytes up to `max`, then keeps draining (the tar entry must be consumed). */
async function readHead(entry: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array> {
  const head = new Uint8Array(max);
  let at = 0;
  for await (const chunk of entry) {
    if (at < max) {
      const part = chunk.subarray(0, max - at);
      head.set(part, at);
      at += part.byteLength;
    }
  }
  return head.slice(0, at);
}

/**
 * Walks one layer's tar. Resolves 'settled' when every wanted path is decided (the download is
 * cancelled there), 'end' after the last entry. Throws LayerProblem for a truncated, corrupt or
 * over-limit layer; registry failures thrown by the blob source pass through.
 */
export async function walkLayer(tar: ReadableStream<Uint8Array>, files: LayerFiles, limits: TarLimits, counters: TarCounters): Promise<'settled' | 'end'> {
  const extract = tarExtract();
  const reader = tar.getReader();
  let sourceError: unknown;
  const waitWritable = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        extract.off('drain', done);
        extract.off('close', done);
        resolve();
      };
      extract.on('drain', done);
      extract.on('close', done);
    });
  const feeding = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        counters.uncompressedBytes += value.byteLength;
        if (counters.uncompressedBytes > limits.maxUncompressedBytes) {
          throw new LayerProblem(`the layers hold more than ${limits.maxUncompressedBytes} uncompressed bytes (the per-image limit)`);
        }
        if (extract.destroyed) return;
        if (!extract.write(value)) await waitWritable();
      }
      if (!extract.destroyed) extract.end(undefined);
    } catch (e) {
      sourceError = e;
      extract.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  let outcome: 'settled' | 'end' = 'end';
  try {
    for await (const entry of extract) {
      counters.entries += 1;
      if (counters.entries > limits.maxEntries) {
        throw new LayerProblem(`the layers hold more than ${limits.maxEntries} entries (the per-image limit)`);
      }
      const decision = files.entry(entry.header);
      if (decision.read) files.content(decision.path, await readHead(entry as AsyncIterable<Uint8Array>, decision.maxBytes));
      else entry.resume();
      if (files.settled()) {
        outcome = 'settled';
        break;
      }
    }
  } catch (e) {
    throw passThrough(sourceError ?? e);
  } finally {
    await reader.cancel().catch(() => undefined);
    if (!extract.destroyed) extract.destroy();
    await feeding;
  }
  if (sourceError !== undefined && outcome === 'end') throw passThrough(sourceError);
  return outcome;
}

/** Registry failures keep their kind; everything else becomes a LayerProblem with a readable reason. */
function passThrough(e: unknown): unknown {
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RegistryFailure') return e;
  return e instanceof LayerProblem ? e : new LayerProblem(describe(e));
}
