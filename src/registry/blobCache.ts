/**
 * The content-addressed cache of the reader: blobs (layers) and manifests by digest; a layer's prefix
 * read so far (not yet checked against its digest) under "registry/repository@digest" (blobSource.ts).
 * A digest names its bytes for ever, so entries are never stale.
 */

export interface CachedBlob {
  /**
   * The first bytes of the blob (all of it when `complete`), in the pieces they were read in: joining them
   * would copy the whole blob once more while the read still holds the pieces.
   */
  readonly chunks: readonly Uint8Array[];
  readonly byteLength: number;
  readonly complete: boolean;
}

export interface BlobCache {
  getBlob(digest: string): Promise<CachedBlob | undefined>;
  /** Keeps what was read; a longer prefix replaces a shorter one. `complete` bytes were checked against the digest. */
  putBlob(digest: string, blob: CachedBlob): Promise<void>;
  getManifest(digest: string): Promise<Uint8Array | undefined>;
  /** Only bytes already checked against the digest. */
  putManifest(digest: string, bytes: Uint8Array): Promise<void>;
}

/** A cached blob of one piece. */
export const blobOf = (bytes: Uint8Array, complete: boolean): CachedBlob => ({
  chunks: [bytes],
  byteLength: bytes.byteLength,
  complete,
});

/** The default: in memory, bounded by a byte budget (oldest entries leave first). */
export function memoryBlobCache(maxBytes = 256 * 1024 * 1024): BlobCache {
  const blobs = new Map<string, CachedBlob>();
  const manifests = new Map<string, Uint8Array>();
  let total = 0;
  const evict = (): void => {
    for (const [digest, blob] of blobs) {
      if (total <= maxBytes) return;
      blobs.delete(digest);
      total -= blob.byteLength;
    }
  };
  return {
    getBlob: (digest) => Promise.resolve(blobs.get(digest)),
    putBlob: (digest, blob) => {
      const old = blobs.get(digest);
      if (old && (old.complete || old.byteLength >= blob.byteLength)) return Promise.resolve();
      if (blob.byteLength > maxBytes) return Promise.resolve();
      if (old) {
        blobs.delete(digest);
        total -= old.byteLength;
      }
      blobs.set(digest, blob);
      total += blob.byteLength;
      evict();
      return Promise.resolve();
    },
    getManifest: (digest) => Promise.resolve(manifests.get(digest)),
    putManifest: (digest, bytes) => {
      if (manifests.size < 10_000) manifests.set(digest, bytes);
      return Promise.resolve();
    },
  };
}
