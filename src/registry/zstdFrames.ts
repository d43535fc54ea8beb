/**
 * The structure of a zstd stream, read without decoding it (RFC 8878): frame headers and block headers.
 * The decoder (zstdStream.ts) walks this structure itself so it can refuse a frame before any memory is
 * given to it, and hand the decoding library one block at a time: a block never regenerates more than
 * 128 KiB, so each step of the decoder is small.
 */

/** The largest window accepted: zstd's own default limit for decoding (--long=27, 128 MiB). */
export const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;
/** The largest block, compressed or regenerated (Block_Maximum_Size's upper bound). */
export const MAX_BLOCK_BYTES = 128 * 1024;

export const ZSTD_MAGIC = 0xfd2fb528;
/** Skippable frames use the magics 0x184D2A50 to 0x184D2A5F. */
export const isSkippableMagic = (magic: number): boolean => magic >>> 4 === 0x184d2a5;

/** A little-endian unsigned number of up to 8 bytes (exact up to 2^53, which is far beyond every limit). */
export function littleEndian(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = length - 1; i >= 0; i -= 1) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** What a frame header says. `window` is the memory the frame needs to be decoded. */
export interface FrameHeader {
  /** Bytes of the header, magic included. */
  readonly size: number;
  readonly window: number;
  /** A 4-byte content checksum follows the last block. */
  readonly checksum: boolean;
  readonly dictionary: boolean;
}

/** The header's size from its first 5 bytes (magic and Frame_Header_Descriptor). */
export function frameHeaderSize(start: Uint8Array): number {
  const descriptor = start[4] ?? 0;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const contentSizeFlag = descriptor >> 6;
  const contentSizeBytes = contentSizeFlag === 0 ? singleSegment : 1 << contentSizeFlag;
  return 5 + (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes;
}

/** Reads a whole frame header (`frameHeaderSize` bytes); throws a message for a reserved bit. */
export function frameHeader(header: Uint8Array): FrameHeader {
  const descriptor = header[4] ?? 0;
  if (descriptor & 8) throw new Error('a zstd frame header sets its reserved bit');
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const contentSizeFlag = descriptor >> 6;
  const contentSizeBytes = contentSizeFlag === 0 ? singleSegment : 1 << contentSizeFlag;
  const size = frameHeaderSize(header);
  let window: number;
  if (singleSegment) {
    // The window is the content itself; a 2-byte size counts from 256.
    window = littleEndian(header, size - contentSizeBytes, contentSizeBytes) + (contentSizeBytes === 2 ? 256 : 0);
  } else {
    const descriptorByte = header[5] ?? 0;
    const base = 2 ** (10 + (descriptorByte >> 3));
    window = base + (base / 8) * (descriptorByte & 7);
  }
  const dictionary = dictionaryBytes > 0 && littleEndian(header, 6 - singleSegment, dictionaryBytes) !== 0;
  return { size, window, checksum: ((descriptor >> 2) & 1) === 1, dictionary };
}

export type BlockType = 'raw' | 'rle' | 'compressed';

export interface BlockHeader {
  readonly last: boolean;
  readonly type: BlockType;
  /** Bytes that follow the 3-byte block header. */
  readonly contentBytes: number;
  /** Bytes the block regenerates, or its compressed size (at most as large) for a compressed block. */
  readonly blockSize: number;
}

/** Reads a 3-byte block header; throws a message for the reserved block type or a block over 128 KiB. */
export function blockHeader(bytes: Uint8Array): BlockHeader {
  const raw = littleEndian(bytes, 0, 3);
  const last = (raw & 1) === 1;
  const typeCode = (raw >> 1) & 3;
  const blockSize = raw >>> 3;
  if (typeCode === 3) throw new Error('a zstd block has the reserved block type');
  if (blockSize > MAX_BLOCK_BYTES) throw new Error(`a zstd block is ${blockSize} bytes, more than the 128 KiB allowed`);
  const type: BlockType = typeCode === 0 ? 'raw' : typeCode === 1 ? 'rle' : 'compressed';
  return { last, type, contentBytes: type === 'rle' ? 1 : blockSize, blockSize };
}
