/**
 * A blob cache in a directory (for the CLI across runs): complete, digest-checked blobs and manifests
 * only, as DIR/sha256/<hex> and DIR/manifests/sha256/<hex>; prefixes stay in memory. Never writes
 * outside DIR: names come only from validated sha256 digests.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256_DIGEST } from '../core/sha256.js';
import { memoryBlobCache, type BlobCache } from './blobCache.js';

export function directoryBlobCache(dir: string, memory: BlobCache = memoryBlobCache()): BlobCache {
  const fileOf = (kind: 'blobs' | 'manifests', digest: string): string | undefined =>
    SHA256_DIGEST.test(digest) ? join(dir, kind, 'sha256', digest.slice('sha256:'.length)) : undefined;
  const read = async (kind: 'blobs' | 'manifests', digest: string): Promise<Uint8Array | undefined> => {
    const file = fileOf(kind, digest);
    if (file === undefined) return undefined;
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      return undefined;
    }
  };
  const write = async (kind: 'blobs' | 'manifests', digest: string, bytes: Uint8Array): Promise<void> => {
    const file = fileOf(kind, digest);
    if (file === undefined) return;
    try {
      await mkdir(join(dir, kind, 'sha256'), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch {
      // a cache that cannot be written is only slower
    }
  };
  return {
    getBlob: async (digest) => {
      const inMemory = await memory.getBlob(digest);
      if (inMemory?.complete) return inMemory;
      const onDisk = await read('blobs', digest);
      return onDisk ? { bytes: onDisk, complete: true } : inMemory;
    },
    putBlob: async (digest, blob) => {
      await memory.putBlob(digest, blob);
      if (blob.complete) await write('blobs', digest, blob.bytes);
    },
    getManifest: async (digest) => (await memory.getManifest(digest)) ?? (await read('manifests', digest)),
    putManifest: async (digest, bytes) => {
      await memory.putManifest(digest, bytes);
      await write('manifests', digest, bytes);
    },
  };
}
