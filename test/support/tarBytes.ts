/**
 * tar bytes written by hand (ustar and pax), for hostile test layers whose shape tar-stream's packer
 * would not produce: huge declared sizes with the content streamed apart, and pax global headers.
 */
import { concatBytes } from './zstdFrames.js';

const BLOCK = 512;

const octal = (value: number, width: number): string => value.toString(8).padStart(width - 1, '0') + '\0';

/** A 512-byte ustar header. typeflag: '0' file, '5' directory, 'g' pax global, 'x' pax for the next entry. */
export function tarHeader(name: string, size: number, typeflag: '0' | '5' | 'g' | 'x' = '0'): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const put = (text: string, at: number): void => header.set(new TextEncoder().encode(text), at);
  put(name.slice(0, 100), 0);
  put(octal(typeflag === '5' ? 0o755 : 0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(0, 12), 136);
  put('        ', 148);
  put(typeflag, 156);
  put('ustar\0', 257);
  put('00', 263);
  const sum = header.reduce((n, b) => n + b, 0);
  put(octal(sum, 7) + ' ', 148);
  return header;
}

/** Zeros up to the next 512-byte boundary after `size` bytes. */
export const padding = (size: number): Uint8Array => new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);

/** A file entry with its content. */
export function tarFile(name: string, content: Uint8Array | string): Uint8Array {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return concatBytes([tarHeader(name, bytes.byteLength), bytes, padding(bytes.byteLength)]);
}

/** A pax record "<length> key=value\n", its length counting itself. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length += 1;
  return `${length}${body}`;
}

/** A pax header entry (global 'g': for every entry after it; 'x': for the next one). */
export function paxHeader(records: string, typeflag: 'g' | 'x'): Uint8Array {
  const bytes = new TextEncoder().encode(records);
  return concatBytes([tarHeader('pax_header', bytes.byteLength, typeflag), bytes, padding(bytes.byteLength)]);
}

/** The end of an archive: two zero blocks. */
export const tarEnd = (): Uint8Array => new Uint8Array(2 * BLOCK);

/** A whole archive of these files. */
export const tarOfFiles = (files: readonly (readonly [string, Uint8Array | string])[]): Uint8Array =>
  concatBytes([...files.map(([name, content]) => tarFile(name, content)), tarEnd()]);
