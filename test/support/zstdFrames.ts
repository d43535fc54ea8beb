/**
 * zstd frames written by hand (RFC 8878), for hostile test layers: no zstd binary or encoder is needed.
 * A frame is the magic number, a frame header whose window descriptor declares the window the decoder
 * must keep, then blocks: raw (bytes as they are) and RLE (one byte repeated up to 128 KiB times).
 */

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** The largest block a frame may hold (Block_Maximum_Size). */
export const MAX_ZSTD_BLOCK = 128 * 1024;

/**
 * The frame header of a frame with no content size, no checksum and no dictionary, declaring a window of
 * 2^windowLog × (1 + mantissa/8) bytes (windowLog 10 to 41, mantissa 0 to 7): Frame_Header_Descriptor 0,
 * then the Window_Descriptor (exponent windowLog - 10 in its top five bits, the mantissa below).
 */
export function zstdFrameHeader(windowLog: number, mantissa = 0): Uint8Array {
  if (!Number.isInteger(windowLog) || windowLog < 10 || windowLog > 41) throw new Error(`windowLog ${windowLog}`);
  if (!Number.isInteger(mantissa) || mantissa < 0 || mantissa > 7) throw new Error(`mantissa ${mantissa}`);
  return Uint8Array.from([...MAGIC, 0x00, ((windowLog - 10) << 3) | mantissa]);
}

/** The window a frame header declares, in bytes (for tests of the frames themselves). */
export function declaredWindow(frame: Uint8Array): number {
  const descriptor = frame[5] ?? 0;
  const windowLog = 10 + (descriptor >> 3);
  const base = 2 ** windowLog;
  return base + (base / 8) * (descriptor & 7);
}

function blockHeader(last: boolean, type: 0 | 1, size: number): Uint8Array {
  const value = (last ? 1 : 0) | (type << 1) | (size << 3);
  return Uint8Array.from([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff]);
}

/** One part of a frame's content: bytes as they are, or `count` copies of one byte. */
export type ZstdPart = { readonly raw: Uint8Array } | { readonly byte: number; readonly count: number };

/** The blocks of these parts, the last one flagged last. Raw parts are cut into blocks of at most 128 KiB. */
export function zstdBlocks(parts: readonly ZstdPart[]): Uint8Array {
  const blocks: { type: 0 | 1; size: number; body: Uint8Array }[] = [];
  for (const part of parts) {
    if ('raw' in part) {
      for (let at = 0; at < part.raw.byteLength; at += MAX_ZSTD_BLOCK) {
        const body = part.raw.subarray(at, at + MAX_ZSTD_BLOCK);
        blocks.push({ type: 0, size: body.byteLength, body });
      }
    } else {
      for (let left = part.count; left > 0; left -= MAX_ZSTD_BLOCK) {
        blocks.push({ type: 1, size: Math.min(left, MAX_ZSTD_BLOCK), body: Uint8Array.of(part.byte) });
      }
    }
  }
  const out: Uint8Array[] = blocks.map((block, i) => {
    const header = blockHeader(i === blocks.length - 1, block.type, block.size);
    const joined = new Uint8Array(header.byteLength + block.body.byteLength);
    joined.set(header);
    joined.set(block.body, header.byteLength);
    return joined;
  });
  return concatBytes(out);
}

/** One whole frame: its header (see zstdFrameHeader for the window), then the parts' blocks. */
export const zstdFrame = (windowLog: number, parts: readonly ZstdPart[], mantissa = 0): Uint8Array =>
  concatBytes([zstdFrameHeader(windowLog, mantissa), zstdBlocks(parts)]);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
