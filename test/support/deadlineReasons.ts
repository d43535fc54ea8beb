/**
 * The registry reader's messages for a layer the deadline stopped, read back into their parts so that a test
 * can say which case it expects (decompressing, reading a plain tar, waiting for the registry) and check the
 * layer and the amounts named.
 */
const UNITS: Readonly<Record<string, number>> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

/** "12.5 MiB" as a byte count (as exact as formatBytes' rounding allows); NaN for anything else. */
export function bytesOf(text: string): number {
  const m = /^(\d+(?:\.\d+)?) (B|KiB|MiB|GiB|TiB)$/.exec(text);
  return m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? NaN) : NaN;
}

const BYTES = String.raw`\d+(?:\.\d+)? (?:B|KiB|MiB|GiB|TiB)`;
const LAYER = String.raw`layer sha256:[0-9a-f]{12}`;

export interface DecompressingAtDeadline {
  readonly layer: string;
  /** The layer's bytes at hand (downloaded or cached). */
  readonly in: number;
  /** The tar bytes decompressed from them. */
  readonly out: number;
  readonly entries: number;
}

/** The parts of "the deadline passed while decompressing layer sha256:… (X of the layer in, Y out, N tar entries read so far)". */
export function decompressingAtDeadline(reason: string): DecompressingAtDeadline | undefined {
  const m = new RegExp(
    String.raw`^the deadline passed while decompressing (${LAYER}) \((${BYTES}) of the layer in, (${BYTES}) out, (\d+) tar entr(?:y|ies) read so far\)$`,
  ).exec(reason);
  if (!m) return undefined;
  return { layer: m[1] ?? '', in: bytesOf(m[2] ?? ''), out: bytesOf(m[3] ?? ''), entries: Number(m[4]) };
}

export interface ReadingAtDeadline {
  readonly layer: string;
  readonly read: number;
  readonly entries: number;
}

/** The parts of "the deadline passed while reading layer sha256:… (X and N tar entries read so far)". */
export function readingAtDeadline(reason: string): ReadingAtDeadline | undefined {
  const m = new RegExp(
    String.raw`^the deadline passed while reading (${LAYER}) \((${BYTES}) and (\d+) tar entr(?:y|ies) read so far\)$`,
  ).exec(reason);
  if (!m) return undefined;
  return { layer: m[1] ?? '', read: bytesOf(m[2] ?? ''), entries: Number(m[3]) };
}

/** "layer sha256:0123456789ab", as the reader names a layer of these bytes' digest. */
export const layerName = (digest: string): string => `layer ${digest.slice(0, 19)}`;
