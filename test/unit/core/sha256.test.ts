import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHA256_DIGEST, sha256Digest, sha256DigestOfText } from '@core/index.js';

// sha256 of "abc" (FIPS 180-2, appendix B.1).
const ABC = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256 (one helper for the command layer and the registry reader)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('digests bytes and text alike, as "sha256:<hex>"', async () => {
    expect(await sha256Digest(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(await sha256DigestOfText('abc')).toBe(ABC);
    expect(SHA256_DIGEST.test(ABC)).toBe(true);
  });

  it('digests text as its UTF-8 bytes', async () => {
    const text = 'ä€😀';
    expect(await sha256DigestOfText(text)).toBe(await sha256Digest(new TextEncoder().encode(text)));
  });

  it('gives no digest of text where Web Crypto is missing (the caller does without it)', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await sha256DigestOfText('abc')).toBeUndefined();
  });

  it('accepts only lowercase sha256 digests as names', () => {
    expect(SHA256_DIGEST.test(ABC.toUpperCase())).toBe(false);
    expect(SHA256_DIGEST.test(`sha512:${'a'.repeat(64)}`)).toBe(false);
    expect(SHA256_DIGEST.test(`${ABC}/../x`)).toBe(false);
  });
});
