/**
 * Hand-made layer bytes for the reader's unit tests of hostile input: zstd frames written by hand (raw and
 * RLE blocks, any window), multi-member gzip bombs, and raw tar records (pax headers, long names). Nothing
 * here needs a zstd tool: the frames are laid out as RFC 8878 describes them.
 */
import { gzipSync } from 'node:zlib';

// ---- zstd ----

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const BLOCK = 128 * 1024;

/** A frame header without content size or checksum, declaring a window of 2^windowLog bytes (10 to 41). */
export function zstdFrameHeader(windowLog: number): Uint8Array {
  return new Uint8Array([...ZSTD_MAGIC, 0x00, (windowLog - 10) << 3]);
}

/** A 3-byte block header: last flag, type (0 raw, 1 RLE, 2 compressed), size. */
export function zstdBlockHeader(last: boolean, type: 0 | 1 | 2, size: number): Uint8Array {
  const value = (last ? 1 : 0) | (type << 1) | (size << 3);
  return new Uint8Array([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
}

const join = (parts: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** `bytes` as one zstd frame of raw blocks (at most 128 KiB each). */
export function zstdRaw(bytes: Uint8Array, windowLog = 20): Uint8Array {
  const parts: Uint8Array[] = [zstdFrameHeader(windowLog)];
  for (let at = 0; at < bytes.byteLength || at === 0; at += BLOCK) {
    const block = bytes.subarray(at, at + BLOCK);
    parts.push(zstdBlockHeader(at + BLOCK >= bytes.byteLength, 0, block.byteLength), block);
    if (bytes.byteLength === 0) break;
  }
  return join(parts);
}

/**
 * A zstd output bomb: `prefix` in raw blocks, then `rleBlocks` RLE blocks of 128 KiB zeros (4 bytes each),
 * in one frame with a window of 2^windowLog bytes.
 */
export function zstdRleBomb(prefix: Uint8Array, rleBlocks: number, windowLog = 23): Uint8Array {
  const parts: Uint8Array[] = [zstdFrameHeader(windowLog)];
  for (let at = 0; at < prefix.byteLength; at += BLOCK) {
    const block = prefix.subarray(at, at + BLOCK);
    parts.push(zstdBlockHeader(false, 0, block.byteLength), block);
  }
  const rle = join([zstdBlockHeader(false, 1, BLOCK), new Uint8Array([0])]);
  for (let i = 0; i < rleBlocks - 1; i += 1) parts.push(rle);
  parts.push(zstdBlockHeader(true, 1, BLOCK), new Uint8Array([0]));
  return join(parts);
}

// ---- tar ----

/** One 512-byte ustar header (name at most 100 bytes), its checksum filled in. */
export function tarHeader(name: string, size: number, typeflag: string): Uint8Array {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000755\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(typeflag, 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return new Uint8Array(header);
}

/** A tar record: header, then the body padded to 512 bytes. */
export function tarRecord(name: string, typeflag: string, body: Uint8Array = new Uint8Array()): Uint8Array {
  const padding = new Uint8Array((512 - (body.byteLength % 512)) % 512);
  return join([tarHeader(name, body.byteLength, typeflag), body, padding]);
}

/** One pax record "LEN key=value\n" (LEN counts itself). */
export function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(rest) + 1;
  while (String(length).length + Buffer.byteLength(rest) !== length) length += 1;
  return `${length}${rest}`;
}

export const tarEnd = (): Uint8Array => new Uint8Array(1024);

// ---- gzip ----

/**
 * A gzip bomb as gzip members one after the other (a valid gzip stream): a tar header announcing one
 * file of `mebibytes` MiB of zeros, then one small member per MiB of those zeros.
 */
export function gzipZeroBomb(mebibytes: number, name = 'zeros'): Uint8Array {
  const oneMiB = gzipSync(new Uint8Array(1024 * 1024), { level: 9 });
  const parts: Uint8Array[] = [gzipSync(tarHeader(name, mebibytes * 1024 * 1024, '0'))];
  for (let i = 0; i < mebibytes; i += 1) parts.push(oneMiB);
  parts.push(gzipSync(tarEnd()));
  return join(parts);
}

// ---- measuring ----

export interface LoopWatch {
  /** The longest the event loop went without running a 5 ms timer, and the highest RSS seen, so far. */
  stop(): { maxBlockMs: number; peakRssBytes: number };
}

/** Watches the event loop (a 5 ms interval: a gap over that is time it could not run) and the process's RSS. */
export function watchLoop(): LoopWatch {
  let last = performance.now();
  let maxBlockMs = 0;
  let peakRssBytes = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last - 5);
    last = now;
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return { maxBlockMs, peakRssBytes };
    },
  };
}
