/**
 * sha256 of a manifest as served (`--raw` prints the exact bytes, so UTF-8 of stdout is those bytes).
 * Uses Web Crypto, present in Node >= 19 and in secure browser contexts; undefined elsewhere, and the
 * caller then simply does without the digest.
 */
export async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return undefined;
  try {
    const hash = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}
