/**
 * Walks one layer's tar bytes with tar-stream and feeds the entries to the pure LayerFiles resolution;
 * stops (cancelling the download) as soon as every wanted path is settled. The image's limits hold across
 * all its reads: entries and uncompressed bytes are counted on the budget every read of the image shares.
 * The read's clock is asked after every chunk and every entry, so a deadline or cancel stops the walk
 * and the event loop gets its turns, however fast the bytes come (a cache, a bomb).
 */
import { extract as tarExtract, type Extract } from 'tar-stream';
import type { LayerFiles } from '../core/inside/layerFiles.js';
import type { ImageBytes } from '../core/inside/types.js';
import { slices } from './byteStreams.js';
import type { LayerProgress } from './layerDeadline.js';
import { LayerProblem } from './layerProblem.js';
import type { ReadClock } from './readClock.js';

export interface TarLimits {
  /** Tar entries per image (tar bomb). */
  readonly maxEntries: number;
  /** Uncompressed bytes per image (decompression bomb). */
  readonly maxUncompressedBytes: number;
}

/** The longest entry path or link target accepted (Linux's PATH_MAX): a longer one is a hostile layer. */
export const MAX_TAR_PATH = 4096;
/**
 * The largest pax or GNU long-name header accepted (tar-stream's own cap is 4 MiB, whose parsing can take
 * most of a second at once). Real ones hold a path, a link target and a few extended attributes.
 */
export const MAX_LONG_HEADER_BYTES = 256 * 1024;
/** The most tar bytes handed to tar-stream at once. */
const TAR_SLICE_BYTES = 32 * 1024;

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
 * Refuses pax and GNU long-name headers over MAX_LONG_HEADER_BYTES before tar-stream parses them. tar-stream
 * has no option for it: its one hook is the instance's `_decodeLongHeader`, called with the whole header.
 */
function capLongHeaders(extract: Extract): void {
  const hooked = extract as unknown as { _decodeLongHeader?: (buf: Uint8Array) => void };
  const decode = hooked._decodeLongHeader;
  if (typeof decode !== 'function') return;
  hooked._decodeLongHeader = function (this: unknown, buf: Uint8Array): void {
    if (buf.byteLength > MAX_LONG_HEADER_BYTES)
      throw new LayerProblem(
        `a tar pax or long-name header of the layer is ${buf.byteLength} bytes, more than the ${MAX_LONG_HEADER_BYTES} accepted (the limit for one entry's path, link target and attributes)`,
      );
    decode.call(this, buf);
  };
}

/**
 * Walks one layer's tar. Resolves 'settled' when every wanted path is decided (the download is
 * cancelled there), 'end' after the last entry. Throws LayerProblem for a truncated, corrupt or
 * over-limit layer, and the abort reason once the clock's signal fired; registry failures thrown by the
 * blob source pass through. Uses tar-stream's entry callbacks with the bytes pulled from `tar` by hand.
 * Counts the layer's tar bytes and entries in `progress`, when given (for a deadline's message).
 */
export async function walkLayer(
  tar: ReadableStream<Uint8Array>,
  files: LayerFiles,
  limits: TarLimits,
  image: ImageBytes,
  clock: ReadClock,
  progress?: LayerProgress,
): Promise<'settled' | 'end'> {
  const extract = tarExtract();
  capLongHeaders(extract);
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
    if (failure !== undefined || outcome !== undefined) return;
    if (clock.signal.aborted) return fail(clock.signal.reason);
    image.entries = (image.entries ?? 0) + 1;
    if (progress) progress.tarEntries += 1;
    if (image.entries > limits.maxEntries)
      return fail(new LayerProblem(`the layers hold more than ${limits.maxEntries} entries (the per-image limit)`));
    if (header.name.length > MAX_TAR_PATH || (header.linkname?.length ?? 0) > MAX_TAR_PATH)
      return fail(new LayerProblem(`a tar entry of the layer names a path longer than ${MAX_TAR_PATH} characters`));
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
      // The next entry may follow at once in the bytes already written: give the event loop its turn first.
      clock.continueWith(() => next());
    });
    stream.resume();
  });
  extract.on('finish', () => {
    outcome ??= 'end';
    stopWaiting();
  });
  extract.on('error', fail);
  const onAbort = (): void => fail(clock.signal.reason);
  clock.signal.addEventListener('abort', onAbort, { once: true });

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
      image.uncompressed = (image.uncompressed ?? 0) + value.byteLength;
      if (progress) progress.tarBytes += value.byteLength;
      if (image.uncompressed > limits.maxUncompressedBytes) {
        fail(
          new LayerProblem(
            `the layers hold more than ${limits.maxUncompressedBytes} uncompressed bytes (the per-image limit)`,
          ),
        );
        break;
      }
      // tar-stream parses all it is given at once (a MiB of empty headers takes it ~100 ms): small slices.
      for (const slice of slices(value, TAR_SLICE_BYTES)) {
        if (!extract.write(slice)) {
          const changed = waitForChange();
          const onDrain = (): void => stopWaiting();
          extract.once('drain', onDrain);
          await changed;
          extract.off('drain', onDrain);
        }
        await clock.checkpoint().catch(fail);
        if (failure !== undefined || outcome !== undefined) break;
      }
    }
  } finally {
    clock.signal.removeEventListener('abort', onAbort);
    await reader.cancel().catch(() => undefined);
    if (!extract.destroyed) extract.destroy();
  }
  if (outcome !== undefined && failure === undefined) return outcome;
  throw passThrough(failure ?? new LayerProblem('the layer ended unexpectedly'));
}

/** Registry failures and the abort reason keep their identity; everything else becomes a readable LayerProblem. */
function passThrough(e: unknown): unknown {
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RegistryFailure') return e;
  return e instanceof LayerProblem ? e : new LayerProblem(describe(e));
}
