/**
 * What the registry reader keeps and reuses: a second pass downloads nothing, a layer read before
 * continues with a Range request, an unchecked prefix stays with its repository, and the directory cache.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRegistryReader, memoryBlobCache, noCredentials } from '@registry/index.js';
import { blobOf, type CachedBlob } from '@registry/blobCache.js';
import { directoryBlobCache } from '@registry/directoryBlobCache.js';
import { digestOf, gzip, LAYER_GZIP, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { blobGets, extensionImage, METADATA, readOnce, repoOf, text, value } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

/** A layer with metadata.json first and /darwin/tool after 300 kB of incompressible filler. */
const metadataThenToolAtTheEnd = async (): Promise<Uint8Array> =>
  gzip(
    await tarOf([
      { name: 'metadata.json', data: METADATA },
      { name: 'filler', data: randomBytes(300_000) },
      { name: 'darwin/tool', data: 'AT-THE-END' },
    ]),
  );

describe('registry reader: layers', () => {
  it('a second pass over the same image downloads no blob and no manifest', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const reader = createRegistryReader({ credentials: noCredentials });
    const wanted = ['/metadata.json', '/darwin/tool'];
    value(await reader.readVariantFiles(repoOf(reg), digest, wanted, { platform: 'linux/amd64' }));
    const requests = reg.log.length;
    expect(reader.stats.manifestGets).toBe(1);
    const again = value(await reader.readVariantFiles(repoOf(reg), digest, wanted, { platform: 'linux/amd64' }));
    expect(text(again.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(again.bytesRead).toBe(0);
    expect(reg.log.length).toBe(requests);
  });

  it('continues a layer read before from where it stopped, with a Range request', async () => {
    const reg = await registry();
    const big = await metadataThenToolAtTheEnd();
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: big }]);
    // The first answer sends only the start of the blob and then waits for the reader to hang up.
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes(digestOf(big)) || req.headers.range !== undefined) return false;
      res.writeHead(200, { 'content-length': big.byteLength });
      res.write(big.subarray(0, 16_384));
      return true;
    };
    const reader = createRegistryReader({ credentials: noCredentials });
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64' }),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('AT-THE-END');
    expect(files.bytesRead).toBe(big.byteLength - 16_384);
    const ranged = reg.log.filter((l) => l.range !== undefined);
    expect(ranged.length).toBe(1);
    expect(ranged[0]?.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('a layer read to its last byte without seeing its end is complete: no Range past the end', async () => {
    const reg = await registry();
    const layer = gzip(
      await tarOf([
        { name: 'filler', data: randomBytes(100_000) },
        { name: 'metadata.json', data: METADATA },
      ]),
    );
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
    const reader = createRegistryReader({ credentials: noCredentials });
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    const files = value(await reader.readVariantFiles(repoOf(reg), digest, ['/nope'], { platform: 'linux/amd64' }));
    expect(files.files.get('/nope')).toEqual({ kind: 'missing', path: '/nope', whitedOut: false });
    expect(reader.stats.bytesDownloaded).toBe(layer.byteLength);
  });

  it("a layer's unchecked prefix is reused by the same repository only, never handed to another one", async () => {
    const reg = await registry();
    // Big enough that the read stops (metadata.json found) long before the layer's end.
    const layer = gzip(
      await tarOf([
        { name: 'metadata.json', data: METADATA },
        { name: 'filler', data: randomBytes(16_000_000) },
      ]),
    );
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
    // This repository's registry sends the start of the layer and then nothing more, so the first read
    // stops early whatever the machine's speed (on loopback a busy reader could otherwise take it whole).
    reg.handler = (req, res) => {
      const url = req.url ?? '';
      if (!url.includes(`/${repoOf(reg).path}/blobs/${digestOf(layer)}`) || req.headers.range !== undefined)
        return false;
      res.writeHead(200, { 'content-length': layer.byteLength });
      res.write(layer.subarray(0, 65_536));
      return true;
    };
    const reader = createRegistryReader({ credentials: noCredentials });
    const other = { domain: reg.host, path: 'other/repo' };
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    expect(reader.stats.bytesDownloaded).toBeLessThan(layer.byteLength);
    const before = blobGets(reg).length;
    // The same repository: the prefix in the cache answers, no new blob request.
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    expect(blobGets(reg)).toHaveLength(before);
    // Another repository: its registry is asked for its own bytes.
    expect(
      text(
        value(await reader.readVariantFiles(other, digest, ['/metadata.json'], { platform: 'linux/amd64' })).files.get(
          '/metadata.json',
        ),
      ),
    ).toBe(METADATA);
    expect(
      blobGets(reg)
        .slice(before)
        .some((url) => url.includes('/other/repo/blobs/')),
    ).toBe(true);
  });

  it('without Range support the prefix is skipped and the file still found', async () => {
    const reg = await registry();
    reg.ranges = false;
    const big = await metadataThenToolAtTheEnd();
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: big }]);
    // The first answer sends only the start of the blob and then waits for the reader to hang up, so the
    // second read must ask again; the registry answers that Range request with the whole blob (200).
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes(digestOf(big)) || req.headers.range !== undefined) return false;
      res.writeHead(200, { 'content-length': big.byteLength });
      res.write(big.subarray(0, 16_384));
      return true;
    };
    const reader = createRegistryReader({ credentials: noCredentials });
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    const first = blobGets(reg).length;
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64' }),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('AT-THE-END');
    // A real second request, with a Range the registry ignored: the whole blob came again.
    expect(blobGets(reg)).toHaveLength(first + 1);
    const second = reg.log.filter((l) => l.url.includes(digestOf(big))).at(-1);
    expect(second?.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(files.bytesRead).toBe(big.byteLength);
  });

  it('the memory cache keeps within its budget: the oldest blobs leave first', async () => {
    const cache = memoryBlobCache(1000);
    const blob = (fill: number): CachedBlob => blobOf(new Uint8Array(400).fill(fill), true);
    await cache.putBlob('sha256:a', blob(1));
    await cache.putBlob('sha256:b', blob(2));
    expect((await cache.getBlob('sha256:a'))?.byteLength).toBe(400);
    await cache.putBlob('sha256:c', blob(3));
    expect(await cache.getBlob('sha256:a')).toBeUndefined();
    expect((await cache.getBlob('sha256:b'))?.chunks[0]?.[0]).toBe(2);
    expect((await cache.getBlob('sha256:c'))?.chunks[0]?.[0]).toBe(3);
    // A blob larger than the whole budget is not kept, and evicts nothing.
    await cache.putBlob('sha256:d', blobOf(new Uint8Array(1001), true));
    expect(await cache.getBlob('sha256:d')).toBeUndefined();
    expect(await cache.getBlob('sha256:b')).toBeDefined();
    // A longer prefix replaces a shorter one; a complete blob is never replaced.
    await cache.putBlob('p', blobOf(new Uint8Array(10), false));
    await cache.putBlob('p', blobOf(new Uint8Array(20), false));
    expect((await cache.getBlob('p'))?.byteLength).toBe(20);
    await cache.putBlob('p', blobOf(new Uint8Array(5), false));
    expect((await cache.getBlob('p'))?.byteLength).toBe(20);
  });

  it('a directory cache serves a new reader without downloading, and writes only inside its directory', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const dir = await mkdtemp(join(tmpdir(), 'archmatrix-cache-'));
    try {
      const wanted = ['/metadata.json', '/darwin/tool'];
      value(
        await readOnce(
          reg,
          digest,
          wanted,
          { platform: 'linux/amd64' },
          { credentials: noCredentials, cache: directoryBlobCache(dir) },
        ),
      );
      const before = reg.log.length;
      const again = value(
        await readOnce(
          reg,
          digest,
          wanted,
          { platform: 'linux/amd64' },
          { credentials: noCredentials, cache: directoryBlobCache(dir) },
        ),
      );
      expect(text(again.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
      expect(reg.log.length).toBe(before);
      expect((await readdir(dir)).sort()).toEqual(['blobs', 'manifests']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
