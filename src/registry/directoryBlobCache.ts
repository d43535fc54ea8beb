/**
 * A blob cache in a directory (for the CLI across runs): complete, digest-checked blobs and manifests
 * only, as DIR/blobs/sha256/<hex> and DIR/manifests/sha256/<hex>; prefixes stay in memory. Never writes
 * outside DIR: names come only from validated sha256 digests. A file read back is checked against its
 * name before it is used (a file changed or cut on disk is ignored).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256_DIGEST } from '../core/sha256.js';
import { blobOf, memoryBlobCache, type BlobCache } from './blobCache.js';

/** True when `bytes` are the ones `digest` names; hashed a few MiB at a time, with the event loop's turns between. */
async function matches(bytes: Uint8Array, digest: string): Promise<boolean> {
  const hash = createHash('sha256');
  const step = 4 * 1024 * 1024;
  for (let at = 0; at < bytes.byteLength; at += step) {
    hash.update(bytes.subarray(at, at + step));
    if (at + step < bytes.byteLength) await new Promise((resolve) => setImmediate(resolve));
  }
  return `sha256:${hash.digest('hex')}` === digest;
}

export function directoryBlobCache(dir: string, memory: BlobCache = memoryBlobCache()): BlobCache {
  const fileOf = (kind: 'blobs' | 'manifests', digest: string): string | undefined =>
    SHA256_DIGEST.test(digest) ? join(dir, kind, 'sha256', digest.slice('sha256:'.length)) : undefined;
  const read = async (kind: 'blobs' | 'manifests', digest: string): Promise<Uint8Array | undefined> => {
    const file = fileOf(kind, digest);
    if (file === undefined) return undefined;
    try {
      const bytes = new Uint8Array(await readFile(file));
      return (await matches(bytes, digest)) ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
  const write = async (kind: 'blobs' | 'manifests', digest: string, chunks: readonly Uint8Array[]): Promise<void> => {
    const file = fileOf(kind, digest);
    if (file === undefined) return;
    try {
      await mkdir(join(dir, kind, 'sha256'), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, chunks);
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
      return onDisk ? blobOf(onDisk, true) : inMemory;
    },
    putBlob: async (digest, blob) => {
      await memory.putBlob(digest, blob);
      // Only a whole blob, checked against its digest, is written: a file here is taken as complete.
      if (blob.complete) await write('blobs', digest, blob.chunks);
    },
    getManifest: async (digest) => (await memory.getManifest(digest)) ?? (await read('manifests', digest)),
    putManifest: async (digest, bytes) => {
      await memory.putManifest(digest, bytes);
      await write('manifests', digest, [bytes]);
    },
  };
}
