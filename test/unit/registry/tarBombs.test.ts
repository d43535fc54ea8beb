/**
 * Tar layers a hostile registry can serve: a gzip bomb and thousands of entries with deep paths end at
 * the deadline with the event loop free, oversized pax headers and paths are refused at once, and the
 * entry and uncompressed-byte limits hold for the image as a whole, across all its reads.
 */
import { describe, expect, it } from 'vitest';
import type { FoundFile, ImageBytes } from '@core/inside/types.js';
import { createRegistryReader, memoryBlobCache, noCredentials } from '@registry/index.js';
import { blobOf } from '@registry/blobCache.js';
import { digestOf, gzip, LAYER_GZIP, LAYER_TAR, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { decompressingAtDeadline, layerName, readingAtDeadline } from '../../support/deadlineReasons.js';
import { blobGets, readOnce, repoOf, value } from '../../support/readerFixtures.js';
import { gzipZeroBomb, paxRecord, tarEnd, tarRecord, watchLoop } from '../../support/craftedLayers.js';

const { registry } = fakeServersPerTest();

/** See zstdLayers.test.ts: 100 ms is the aim, the bound allows for a loaded machine. */
const MAX_BLOCK_MS = 250;

const reasonOf = (found: FoundFile | undefined): string =>
  found?.kind === 'unreadable' ? found.reason : `<${found?.kind ?? 'absent'}>`;

async function readGzipLayer(
  layer: Uint8Array,
  deadlineMs: number,
  wanted = '/darwin/tool',
): Promise<{ found?: FoundFile; ms: number }> {
  const reg = await registry();
  const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
  const started = performance.now();
  const files = value(await readOnce(reg, digest, [wanted], { platform: 'linux/amd64', deadlineMs }));
  return { found: files.files.get(wanted), ms: performance.now() - started };
}

/** `count` entries under /darwin, each named by a pax header with a path of about `pathChars` characters. */
function deepPaxEntries(count: number, pathChars: number): Uint8Array {
  const deep = `darwin/${'d/'.repeat(Math.floor((pathChars - 20) / 2))}`;
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    parts.push(tarRecord('PaxHeader', 'x', new TextEncoder().encode(paxRecord('path', `${deep}f${i}`))));
    parts.push(tarRecord(`f${i}`, '0'));
  }
  parts.push(tarEnd());
  return new Uint8Array(Buffer.concat(parts));
}

describe('registry reader: tar bombs', () => {
  it('a gzip bomb ends at the deadline, with the event loop free', async () => {
    const bomb = gzipZeroBomb(8 * 1024);
    const watch = watchLoop();
    const { found, ms } = await readGzipLayer(bomb, 700);
    const { maxBlockMs } = watch.stop();
    // The time went into decompressing, not into waiting for the registry, and the message says so.
    const at = decompressingAtDeadline(reasonOf(found));
    // One entry: the bomb is a single file of zeros.
    expect(at, reasonOf(found)).toMatchObject({ layer: layerName(digestOf(bomb)), entries: 1 });
    // Both amounts are named (formatBytes rounds: hence the 1 %); how much came out depends on the machine.
    expect(at?.in).toBeGreaterThan(0);
    expect(at?.in).toBeLessThanOrEqual(bomb.byteLength * 1.01);
    expect(at?.out).toBeGreaterThan(0);
    expect(ms).toBeLessThan(700 + 1500);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
  });

  it('20 000 entries with 4 KB-deep pax paths under a wanted directory end at the deadline, the event loop free', async () => {
    const layer = gzip(deepPaxEntries(20_000, 4000));
    const watch = watchLoop();
    const { found, ms } = await readGzipLayer(layer, 700, '/darwin');
    const { maxBlockMs } = watch.stop();
    const at = decompressingAtDeadline(reasonOf(found));
    expect(at, reasonOf(found)).toMatchObject({ layer: layerName(digestOf(layer)) });
    expect(at?.entries).toBeGreaterThan(0);
    expect(at?.entries).toBeLessThanOrEqual(20_000);
    expect(ms).toBeLessThan(700 + 1500);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
  });

  it('a plain tar layer of 20 000 deep entries, already in the cache, still ends at the deadline', async () => {
    // From memory nothing waits for the network: only the read's own clock gives the event loop its turns.
    const reg = await registry();
    const layer = deepPaxEntries(20_000, 4000);
    const digest = reg.addImage([{ mediaType: LAYER_TAR, bytes: layer }]);
    const cache = memoryBlobCache();
    await cache.putBlob(digestOf(layer), blobOf(layer, true));
    const reader = createRegistryReader({ credentials: noCredentials, cache });
    const watch = watchLoop();
    const started = performance.now();
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin'], { platform: 'linux/amd64', deadlineMs: 500 }),
    );
    const ms = performance.now() - started;
    const { maxBlockMs } = watch.stop();
    // A plain tar from the cache: nothing to decompress, nothing to wait for; the walk took the time.
    const reason = reasonOf(files.files.get('/darwin'));
    const at = readingAtDeadline(reason);
    expect(at, reason).toMatchObject({ layer: layerName(digestOf(layer)) });
    expect(at?.entries).toBeGreaterThan(0);
    expect(at?.read).toBeGreaterThan(0);
    expect(ms).toBeLessThan(500 + 1500);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
    expect(blobGets(reg)).toEqual([]);
  });

  it('a pax header over 256 KiB, or a path over 4096 characters, makes the layer unreadable at once', async () => {
    const globalPath = new TextEncoder().encode(paxRecord('path', `darwin/${'d/'.repeat(1024 * 1024)}x`));
    const global = [tarRecord('pax_global_header', 'g', globalPath)];
    const entries = Array.from({ length: 20_000 }, (_, i) => [
      tarRecord('PaxHeader', 'x', new TextEncoder().encode(paxRecord('comment', String(i)))),
      tarRecord(`f${i}`, '0'),
    ]).flat();
    const bomb = gzip(new Uint8Array(Buffer.concat([...global, ...entries, tarEnd()])));
    const big = await readGzipLayer(bomb, 10_000, '/darwin');
    expect(reasonOf(big.found)).toMatch(
      /pax or long-name header of the layer is \d+ bytes, more than the 262144 accepted/,
    );
    // It says what the header holds, so that a reader knows what was too long.
    expect(reasonOf(big.found)).toMatch(/\(the limit for one entry's path, link target and attributes\)/);
    expect(big.ms).toBeLessThan(3000);
    const long = await readGzipLayer(gzip(deepPaxEntries(3, 5000)), 10_000, '/darwin');
    expect(reasonOf(long.found)).toMatch(/names a path longer than 4096 characters/);
    // A pax path within the limits is read as usual.
    const fine = await readGzipLayer(gzip(deepPaxEntries(1, 3000)), 10_000, '/darwin');
    expect(fine.found?.kind).toBe('directory');
  });

  it('the entry and uncompressed-byte limits hold for all reads of one image together', async () => {
    const reg = await registry();
    const layer = gzip(await tarOf(Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, data: 'x'.repeat(1000) }))));
    const first = reg.addImage([{ mediaType: LAYER_GZIP, bytes: layer }]);
    const second = reg.addImage([{ mediaType: LAYER_GZIP, bytes: gzip(await tarOf([{ name: 'g', data: 'y' }])) }]);
    const reader = createRegistryReader({ credentials: noCredentials, limits: { maxEntries: 100 } });
    const budget: ImageBytes = { downloaded: 0, max: 10_000_000 };
    const options = { platform: 'linux/amd64', budget } as const;
    const one = value(await reader.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], options));
    expect(one.files.get('/darwin/tool')?.kind).toBe('missing');
    expect(budget.entries).toBe(60);
    expect(budget.uncompressed).toBeGreaterThan(60_000);
    // 60 + 60 entries are over the 100 of the image, though each read alone is under.
    const two = value(await reader.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], options));
    expect(reasonOf(two.files.get('/darwin/tool'))).toMatch(/more than 100 entries \(the per-image limit\)/);
    // Another image has its own budget.
    const other = value(
      await reader.readVariantFiles(repoOf(reg), second, ['/darwin/tool'], {
        platform: 'linux/amd64',
        budget: { downloaded: 0, max: 10_000_000 },
      }),
    );
    expect(other.files.get('/darwin/tool')?.kind).toBe('missing');
    // The limit itself is allowed: 60 entries under a limit of 60, refused under 59.
    const exactly = createRegistryReader({ credentials: noCredentials, limits: { maxEntries: 60 } });
    const at = value(await exactly.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(at.files.get('/darwin/tool')?.kind).toBe('missing');
    const under = createRegistryReader({ credentials: noCredentials, limits: { maxEntries: 59 } });
    const over = value(await under.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(over.files.get('/darwin/tool'))).toMatch(/more than 59 entries/);
    const bytes = createRegistryReader({ credentials: noCredentials, limits: { maxUncompressedBytes: 100_000 } });
    const shared: ImageBytes = { downloaded: 0, max: 10_000_000 };
    const a = value(await bytes.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], { ...options, budget: shared }));
    expect(a.files.get('/darwin/tool')?.kind).toBe('missing');
    const b = value(await bytes.readVariantFiles(repoOf(reg), first, ['/darwin/tool'], { ...options, budget: shared }));
    expect(reasonOf(b.files.get('/darwin/tool'))).toMatch(
      /more than 100000 uncompressed bytes \(the per-image limit\)/,
    );
  });
});
