/**
 * zstd layers, decoded with fzstd (pure JavaScript, so both image variants run the same code) in a worker
 * thread (zstdWorker.ts), under a walk of the stream's own structure (zstdFrames.ts):
 * - a frame is refused before the decoder sees it when it declares a window over 128 MiB (the decoder
 *   would allocate the window at once) or needs a dictionary;
 * - the decoder is handed a few whole blocks at a time, and a block regenerates at most 128 KiB, so no
 *   step produces more than 1 MiB: the output is pulled as the tar walk wants it (backpressure), and the
 *   read's clock is asked after every step;
 * - the image's frames share one window allowance (windowAllowance.ts);
 * - a stream that stops inside a frame is an error (truncated), never a quiet end.
 */
import type { ByteQueue } from './byteQueue.js';
import { byteQueue } from './byteQueue.js';
import { LayerProblem } from './layerProblem.js';
import type { ReadClock } from './readClock.js';
import type { WindowAllowance } from './windowAllowance.js';
import { zstdWorker } from './zstdWorker.js';
import {
  blockHeader,
  frameHeader,
  frameHeaderSize,
  isSkippableMagic,
  littleEndian,
  MAX_ZSTD_WINDOW,
  ZSTD_MAGIC,
  type FrameHeader,
} from './zstdFrames.js';

const truncated = (): LayerProblem => new LayerProblem('the zstd data ends early (truncated layer)');
const corrupt = (e: unknown): LayerProblem =>
  new LayerProblem(`the zstd data is corrupt (${e instanceof Error ? e.message : String(e)})`);
const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

async function need(queue: ByteQueue, n: number): Promise<void> {
  if (!(await queue.fill(n))) throw truncated();
}

/** Reads one frame header from the queue (not taken out), refusing what the decoder must never see. */
async function nextFrameHeader(queue: ByteQueue): Promise<FrameHeader> {
  await need(queue, 5);
  const size = frameHeaderSize(queue.peek(5));
  await need(queue, size);
  let header: FrameHeader;
  try {
    header = frameHeader(queue.peek(size));
  } catch (e) {
    throw corrupt(e);
  }
  if (header.window > MAX_ZSTD_WINDOW)
    throw new LayerProblem(
      `a zstd frame of the layer declares a ${mib(header.window)} window, more than the ${mib(MAX_ZSTD_WINDOW)} Arch Matrix decodes (zstd's own default limit; a layer compressed with --long=28 or more)`,
    );
  if (header.dictionary) throw new LayerProblem('the zstd data needs a dictionary (layers never use one)');
  return header;
}

/** Blocks handed to the decoder at once: at most 8 x 128 KiB decoded per step. */
const BATCH_BLOCKS = 8;

/** The decoded bytes of a zstd stream, a few blocks at a time, as the reader pulls them. */
export async function* zstdDecode(
  input: ReadableStream<Uint8Array>,
  windows: WindowAllowance,
  clock: ReadClock,
): AsyncGenerator<Uint8Array> {
  const reader = input.getReader();
  const queue = byteQueue(reader);
  const decoder = zstdWorker();
  const batch: Uint8Array[] = [];
  let blocks = 0;
  let ended = false;
  /** Decodes what the batch holds. */
  async function* decodeBatch(final = false): AsyncGenerator<Uint8Array> {
    const units = batch.splice(0);
    blocks = 0;
    let answer;
    try {
      answer = await decoder.decode(units, final, clock.signal);
    } catch (e) {
      if (clock.signal.aborted) throw clock.signal.reason;
      throw corrupt(e);
    }
    ended = answer.ended;
    yield* answer.decoded;
    await clock.checkpoint();
  }
  let finished = false;
  try {
    while (!(await queue.ended())) {
      await need(queue, 4);
      const magic = littleEndian(queue.peek(4), 0, 4);
      if (isSkippableMagic(magic)) {
        await need(queue, 8);
        const size = littleEndian(queue.take(8), 4, 4);
        if (!(await queue.skip(size))) throw truncated();
        continue;
      }
      if (magic !== ZSTD_MAGIC) throw corrupt(new Error('a frame does not start with the zstd magic number'));
      const header = await nextFrameHeader(queue);
      await windows.take(header.window, clock.signal);
      try {
        batch.push(queue.take(header.size));
        for (let last = false; !last;) {
          await need(queue, 3);
          let block;
          try {
            block = blockHeader(queue.peek(3));
          } catch (e) {
            throw corrupt(e);
          }
          await need(queue, 3 + block.contentBytes);
          batch.push(queue.take(3 + block.contentBytes));
          blocks += 1;
          last = block.last;
          if (blocks >= BATCH_BLOCKS) yield* decodeBatch();
        }
        if (header.checksum) {
          await need(queue, 4);
          batch.push(queue.take(4));
        }
        yield* decodeBatch();
      } finally {
        windows.give(header.window);
      }
    }
    yield* decodeBatch(true);
    if (!ended) throw truncated();
    finished = true;
  } finally {
    await decoder.close();
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
