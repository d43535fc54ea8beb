/**
 * What the reader trusts of a blob: a layer read to its end is checked against its digest (a mismatch
 * makes every file read from it unreadable, and nothing of it is cached), a layer is cut at the size its
 * descriptor declares, the cache gets the pieces as read (no second copy), and the directory cache only
 * ever holds whole, checked blobs.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FoundFile } from '@core/inside/types.js';
import { createRegistryReader, memoryBlobCache, noCredentials, type BlobCache } from '@registry/index.js';
import { blobOf, type CachedBlob } from '@registry/blobCache.js';
import { directoryBlobCache } from '@registry/directoryBlobCache.js';
import { digestOf, gzip, LAYER_GZIP, LAYER_TAR, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { blobGets, readOnce, repoOf, text, value } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

const reasonOf = (found: FoundFile | undefined): string =>
  found?.kind === 'unreadable' ? found.reason : `<${found?.kind ?? 'absent'}>`;

/** A memory cache that also records every putBlob. */
function recordingCache(): BlobCache & { puts: { digest: string; blob: CachedBlob }[] } {
  const inner = memoryBlobCache();
  const puts: { digest: string; blob: CachedBlob }[] = [];
  return {
    ...inner,
    puts,
    putBlob: async (digest, blob) => {
      puts.push({ digest, blob });
      await inner.putBlob(digest, blob);
    },
  };
}

describe('registry reader: blob integrity', () => {
  it('a layer whose bytes do not match its digest: its files are unreadable, and it is never cached', async () => {
    const reg = await registry();
    const good = await tarOf([{ name: 'darwin/tool', data: 'GOOD' }]);
    const evil = await tarOf([{ name: 'darwin/tool', data: 'EVIL' }]);
    expect(evil.byteLength).toBe(good.byteLength);
    const digest = reg.addImage([{ mediaType: LAYER_TAR, bytes: good }]);
    reg.blobs.set(digestOf(good), evil);
    const cache = recordingCache();
    const reader = createRegistryReader({ credentials: noCredentials, cache });
    // /metadata.json is not there: the layer is read to its end, so its digest is checked.
    const wanted = ['/darwin/tool', '/metadata.json'];
    const first = value(await reader.readVariantFiles(repoOf(reg), digest, wanted, { platform: 'linux/amd64' }));
    expect(reasonOf(first.files.get('/darwin/tool'))).toMatch(/bytes do not match its digest sha256:[0-9a-f]{12}/);
    expect(reasonOf(first.files.get('/metadata.json'))).toMatch(/do not match its digest/);
    expect(cache.puts.filter((p) => p.digest === digestOf(good))).toEqual([]);
    expect(await cache.getBlob(digestOf(good))).toBeUndefined();
    // Nothing was kept: the next read asks the registry again, and still refuses the bytes.
    const before = blobGets(reg).length;
    const again = value(await reader.readVariantFiles(repoOf(reg), digest, wanted, { platform: 'linux/amd64' }));
    expect(blobGets(reg).length).toBe(before + 1);
    expect(reasonOf(again.files.get('/darwin/tool'))).toMatch(/do not match its digest/);
    // The right bytes are read and cached whole, as one checked blob.
    reg.blobs.set(digestOf(good), good);
    const right = value(await reader.readVariantFiles(repoOf(reg), digest, wanted, { platform: 'linux/amd64' }));
    expect(text(right.files.get('/darwin/tool'))).toBe('GOOD');
    expect((await cache.getBlob(digestOf(good)))?.complete).toBe(true);
  });

  it('a layer that streams more than its declared size is cut there and unreadable', async () => {
    const reg = await registry();
    const layer = gzip(await tarOf([{ name: 'other', data: 'x' }]));
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
    let sent = 0;
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes(digestOf(layer))) return false;
      // The layer, then zeros without end (no Content-Length).
      res.writeHead(200);
      res.write(layer);
      const more = (): void => {
        if (res.destroyed || sent > 64 * 1024 * 1024) return void res.end();
        sent += 64 * 1024;
        if (res.write(new Uint8Array(64 * 1024))) setImmediate(more);
        else res.once('drain', more);
      };
      more();
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(files.files.get('/darwin/tool'))).toMatch(
      new RegExp(`the registry sent more than the ${layer.byteLength} bytes the manifest declares`),
    );
    expect(files.bytesRead).toBeLessThan(layer.byteLength + 1024 * 1024);
  });

  it('the bytes of an over-long layer up to its size are the layer: cut there, they match its digest', async () => {
    const reg = await registry();
    const layer = await tarOf([{ name: 'other', data: 'x' }]);
    const digest = reg.addImage([{ mediaType: LAYER_TAR, bytes: layer }]);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes(digestOf(layer))) return false;
      res.writeHead(200).end(new Uint8Array(Buffer.concat([layer, new Uint8Array(4096).fill(1)])));
      return true;
    };
    const cache = recordingCache();
    const reader = createRegistryReader({ credentials: noCredentials, cache });
    const files = value(await reader.readVariantFiles(repoOf(reg), digest, ['/x'], { platform: 'linux/amd64' }));
    expect(reasonOf(files.files.get('/x'))).toMatch(/more than the \d+ bytes the manifest declares/);
    const kept = await cache.getBlob(digestOf(layer));
    expect(kept?.complete).toBe(true);
    expect(kept?.byteLength).toBe(layer.byteLength);
  });

  it('a layer that ends before its declared size is unreadable', async () => {
    const reg = await registry();
    const layer = await tarOf([{ name: 'other', data: 'x'.repeat(5000) }]);
    const digest = reg.addImage([{ mediaType: LAYER_TAR, bytes: layer }]);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes(digestOf(layer))) return false;
      res.writeHead(200).end(layer.subarray(0, 3000));
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(files.files.get('/darwin/tool'))).toMatch(/ended after 3000 of the \d+ bytes|truncated/);
  });

  it('the cache gets the pieces as they were read, not one joined copy; memory stays near the bytes read', async () => {
    const reg = await registry();
    const big = await tarOf([{ name: 'filler', data: randomBytes(96 * 1024 * 1024) }]);
    const digest = reg.addImage([{ mediaType: LAYER_TAR, bytes: big }]);
    const cache = recordingCache();
    const reader = createRegistryReader({ credentials: noCredentials, cache });
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const files = value(await reader.readVariantFiles(repoOf(reg), digest, ['/x'], { platform: 'linux/amd64' }));
    clearInterval(timer);
    expect(files.files.get('/x')?.kind).toBe('missing');
    const put = cache.puts.find((p) => p.digest === digestOf(big));
    expect(put?.blob.complete).toBe(true);
    expect(put?.blob.byteLength).toBe(big.byteLength);
    expect(put?.blob.chunks.length).toBeGreaterThan(1);
    // The layer once (kept for the cache), not twice (kept, then joined): well under 1.5x its size.
    expect(peak - rssBefore).toBeLessThan(1.5 * big.byteLength);
  });
});

describe('directory blob cache', () => {
  it('writes only whole, checked blobs: a partial one stays in memory and never reaches the disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'archmatrix-cache-'));
    try {
      const bytes = new TextEncoder().encode('the whole blob');
      const digest = digestOf(bytes);
      const cache = directoryBlobCache(dir);
      await cache.putBlob(digest, blobOf(bytes.subarray(0, 5), false));
      expect(await readdir(dir)).toEqual([]);
      expect(await directoryBlobCache(dir).getBlob(digest)).toBeUndefined();
      await cache.putBlob(digest, {
        chunks: [bytes.subarray(0, 5), bytes.subarray(5)],
        byteLength: 14,
        complete: true,
      });
      const fresh = await directoryBlobCache(dir).getBlob(digest);
      expect(fresh?.complete).toBe(true);
      expect(new TextDecoder().decode(fresh?.chunks[0])).toBe('the whole blob');
      // A file that is not what its name says (changed on disk) is not used.
      const other = new TextEncoder().encode('something else');
      await directoryBlobCache(dir).putBlob(digestOf(other), blobOf(bytes, true));
      expect(await directoryBlobCache(dir).getBlob(digestOf(other))).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a read stopped before a layer ends leaves nothing of it on disk; a new reader downloads it again', async () => {
    const reg = await registry();
    const layer = gzip(
      await tarOf([
        { name: 'metadata.json', data: '{}' },
        { name: 'filler', data: randomBytes(4_000_000) },
      ]),
    );
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
    const dir = await mkdtemp(join(tmpdir(), 'archmatrix-cache-'));
    try {
      const options = { credentials: noCredentials, cache: directoryBlobCache(dir) };
      const read = (): Promise<unknown> =>
        readOnce(reg, digest, ['/metadata.json'], { platform: 'linux/amd64' }, options);
      await read();
      const stored = await readdir(join(dir, 'blobs', 'sha256')).catch(() => []);
      expect(stored).not.toContain(digestOf(layer).slice('sha256:'.length));
      const before = blobGets(reg).length;
      await readOnce(
        reg,
        digest,
        ['/metadata.json'],
        { platform: 'linux/amd64' },
        {
          credentials: noCredentials,
          cache: directoryBlobCache(dir),
        },
      );
      expect(blobGets(reg).length).toBe(before + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
