/**
 * One layer blob as uncompressed tar bytes: gzip (DecompressionStream, which keeps to backpressure), zstd
 * (zstdStream.ts: frames checked before decoding, one block at a time) or plain tar. The tar walk that
 * reads these bytes is tarWalk.ts.
 */
import { generatorStream } from './byteStreams.js';
import { LayerProblem } from './layerProblem.js';
import type { ReadClock } from './readClock.js';
import type { WindowAllowance } from './windowAllowance.js';
import { zstdDecode } from './zstdStream.js';

export { LayerProblem } from './layerProblem.js';

export type Compression = 'gzip' | 'zstd' | 'none';

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

/** What decoding a layer shares with the rest of its image's read. */
export interface DecodeContext {
  readonly clock: ReadClock;
  /** The image's zstd window allowance. */
  readonly windows: WindowAllowance;
}

/** The uncompressed tar bytes of a layer blob. */
export function decompressed(
  blob: ReadableStream<Uint8Array>,
  compression: Compression,
  context: DecodeContext,
): ReadableStream<Uint8Array> {
  if (compression === 'none') return blob;
  const checked = blob.pipeThrough(magicCheck(compression));
  if (compression === 'zstd') return generatorStream(zstdDecode(checked, context.windows, context.clock));
  return checked.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}
