/**
 * gzip streams built from pieces, for hostile test layers: a bomb of gigabytes of zeros in a few MB,
 * made in milliseconds by repeating one compressed section, and an endless stream of stored blocks.
 *
 * Each piece is raw deflate ending in a full flush (byte-aligned, no reference to earlier data), so
 * pieces can be joined and repeated; the last piece ends the stream. The trailer's CRC-32 is computed
 * over the zeros without touching them: feeding zero bytes into the CRC register is linear, so n zeros
 * are one 32×32 bit matrix raised to the n-th power.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { concatBytes } from './zstdFrames.js';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 register after `bytes` (start from 0xffffffff; the CRC is the register inverted). */
export function crcUpdate(register: number, bytes: Uint8Array): number {
  let reg = register >>> 0;
  for (const b of bytes) reg = ((CRC_TABLE[(reg ^ b) & 0xff] ?? 0) ^ (reg >>> 8)) >>> 0;
  return reg;
}

/** A linear map on 32-bit registers, as the images of its 32 basis bits. */
type Gf2Matrix = Uint32Array;

const apply = (matrix: Gf2Matrix, vector: number): number => {
  let out = 0;
  for (let i = 0; i < 32; i += 1) if ((vector >>> i) & 1) out ^= matrix[i] ?? 0;
  return out >>> 0;
};
const compose = (a: Gf2Matrix, b: Gf2Matrix): Gf2Matrix => b.map((column) => apply(a, column));

/** The CRC-32 register after `count` more zero bytes. */
export function crcZeros(register: number, count: number): number {
  let power: Gf2Matrix = Uint32Array.from({ length: 32 }, (_, i) => crcUpdate(2 ** i, Uint8Array.of(0)));
  let reg = register >>> 0;
  for (let n = count; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) reg = apply(power, reg);
    power = compose(power, power);
  }
  return reg;
}

const GZIP_HEADER = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** Raw deflate of `bytes` ending in a full flush: joinable before any other piece. */
const flushed = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
/** Raw deflate of `bytes` that ends the stream. */
const finished = (bytes: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(bytes, { level: 9 }));

const ZERO_SECTION = 16 * 1024 * 1024;
let zeroSection: Uint8Array | undefined;

function le32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

/**
 * A gzip stream of `prefix`, then `zeroSections` × 16 MiB of zeros, then `suffix`: about 16 KB per
 * 16 MiB of zeros (deflate's best ratio), correct CRC and length.
 */
export function gzipWithZeros(prefix: Uint8Array, zeroSections: number, suffix: Uint8Array): Uint8Array {
  zeroSection ??= flushed(new Uint8Array(ZERO_SECTION));
  const zeros = zeroSections * ZERO_SECTION;
  let reg = crcUpdate(0xffffffff, prefix);
  reg = crcZeros(reg, zeros);
  reg = crcUpdate(reg, suffix);
  const section = zeroSection;
  return concatBytes([
    GZIP_HEADER,
    flushed(prefix),
    ...Array.from({ length: zeroSections }, () => section),
    finished(suffix),
    le32(~reg),
    le32((prefix.byteLength + zeros + suffix.byteLength) % 2 ** 32),
  ]);
}

/** One stored (uncompressed) deflate block, not the last: up to 65535 bytes as they are. */
export function storedBlock(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength > 0xffff) throw new Error('a stored block holds at most 65535 bytes');
  const len = bytes.byteLength;
  return concatBytes([Uint8Array.from([0, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]), bytes]);
}

/** The start of a gzip stream that never ends: the header and a first stored block of `first`. */
export const endlessGzipStart = (first: Uint8Array): Uint8Array => concatBytes([GZIP_HEADER, storedBlock(first)]);

/** What follows endlessGzipStart, again and again: a stored block of 65535 zeros. */
export const endlessGzipChunk = (): Uint8Array => storedBlock(new Uint8Array(0xffff));
