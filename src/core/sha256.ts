/**
 * sha256 digests, for the command layer (the manifest `--raw` printed) and the registry reader (every
 * manifest and blob it caches is checked against its digest). Web Crypto's `crypto.subtle` is a global in
 * Node >= 19 and in secure browser contexts: the core imports nothing for it and does no I/O.
 */

/** Digests the registry reader accepts as names (in URLs and cache file names): sha256 only, lowercase hex. */
export const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** sha256 of bytes as "sha256:<hex>"; rejects where Web Crypto is missing. */
export async function sha256Digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `sha256:${[...hash].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * sha256 of a text's UTF-8 bytes as "sha256:<hex>" (a manifest printed by `--raw` is its exact bytes), or
 * undefined where Web Crypto is missing or fails: the caller then simply does without the digest.
 */
export async function sha256DigestOfText(text: string): Promise<string | undefined> {
  if (globalThis.crypto?.subtle === undefined) return undefined;
  try {
    return await sha256Digest(new TextEncoder().encode(text));
  } catch {
    return undefined;
  }
}
