/**
 * zstd layers a hostile registry can serve: a frame declaring a window over 128 MiB is refused before any
 * memory is given to it, an output bomb stops at the deadline without holding the event loop, and a
 * stream cut short is an error, never a quiet end.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { FoundFile } from '@core/inside/types.js';
import { windowAllowance } from '@registry/windowAllowance.js';
import { digestOf, LAYER_ZSTD, tarOf } from '../../support/fakeRegistry.js';
import { decompressingAtDeadline, layerName } from '../../support/deadlineReasons.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { readOnce, text, value } from '../../support/readerFixtures.js';
import { watchLoop, zstdBlockHeader, zstdFrameHeader, zstdRaw, zstdRleBomb } from '../../support/craftedLayers.js';

const { registry } = fakeServersPerTest();

/**
 * The longest the event loop may go without a turn while a bomb is read. The aim is 100 ms; the bound is
 * wider because the wall clock also counts time the machine gave to other processes (a loaded CI box),
 * and still far below what an unchunked decoder takes (about a second for the first block of a 128 MiB window).
 */
const MAX_BLOCK_MS = 250;

const reasonOf = (found: FoundFile | undefined): string =>
  found?.kind === 'unreadable' ? found.reason : `<${found?.kind ?? 'absent'}>`;

/** Reads /darwin/tool (absent, so every layer is read to its end) from an image of this one zstd layer. */
async function readZstd(layer: Uint8Array, deadlineMs = 10_000): Promise<{ found?: FoundFile; ms: number }> {
  const reg = await registry();
  const digest = reg.addImage([{ mediaType: LAYER_ZSTD, bytes: layer }]);
  const started = performance.now();
  const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64', deadlineMs }));
  return { found: files.files.get('/darwin/tool'), ms: performance.now() - started };
}

describe('registry reader: zstd layers', () => {
  it('reads a frame of raw blocks, and one with a 128 MiB window (the largest accepted)', async () => {
    const tar = await tarOf([{ name: 'darwin/tool', data: 'RAW-BLOCKS' }]);
    expect(text((await readZstd(zstdRaw(tar))).found)).toBe('RAW-BLOCKS');
    expect(text((await readZstd(zstdRaw(tar, 27))).found)).toBe('RAW-BLOCKS');
  });

  it('a frame declaring a window over 128 MiB is refused with a clear message, at once', async () => {
    const tar = await tarOf([{ name: 'darwin/tool', data: 'X' }]);
    const watch = watchLoop();
    const { found, ms } = await readZstd(zstdRaw(tar, 31));
    const { peakRssBytes } = watch.stop();
    expect(reasonOf(found)).toMatch(/declares a 2048 MiB window, more than the 128 MiB Arch Matrix decodes/);
    expect(ms).toBeLessThan(2000);
    expect(reasonOf((await readZstd(zstdRaw(tar, 28))).found)).toMatch(/256 MiB window/);
    // Nothing near the declared 2 GiB was ever allocated.
    expect(peakRssBytes).toBeLessThan(process.memoryUsage.rss() + 512 * 1024 * 1024);
  });

  it('an output bomb ends at the deadline and never holds the event loop', async () => {
    // 16 GiB of zeros from 512 KiB: RLE blocks of 128 KiB each.
    const prefix = await tarOf([]);
    const bomb = zstdRleBomb(prefix.subarray(0, 0), 128 * 1024);
    const watch = watchLoop();
    const { found, ms } = await readZstd(bomb, 800);
    const { maxBlockMs } = watch.stop();
    // The time went into decompressing, not into waiting for the registry, and the message says so.
    const at = decompressingAtDeadline(reasonOf(found));
    expect(at, reasonOf(found)).toMatchObject({ layer: layerName(digestOf(bomb)), entries: 0 });
    // Both amounts are named (formatBytes rounds: hence the 1 %); how much came out depends on the machine.
    expect(at?.in).toBeGreaterThan(0);
    expect(at?.in).toBeLessThanOrEqual(bomb.byteLength * 1.01);
    expect(at?.out).toBeGreaterThan(0);
    expect(ms).toBeLessThan(800 + 1500);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
  });

  it('a window bomb at the 128 MiB limit ends at the deadline, the event loop free', async () => {
    const bomb = zstdRleBomb(new Uint8Array(), 64 * 1024, 27);
    const rssBefore = process.memoryUsage.rss();
    const watch = watchLoop();
    const { found, ms } = await readZstd(bomb, 1000);
    const { maxBlockMs, peakRssBytes } = watch.stop();
    const at = decompressingAtDeadline(reasonOf(found));
    expect(at, reasonOf(found)).toMatchObject({ layer: layerName(digestOf(bomb)), entries: 0 });
    // Both amounts are named (formatBytes rounds: hence the 1 %); how much came out depends on the machine.
    expect(at?.in).toBeGreaterThan(0);
    expect(at?.in).toBeLessThanOrEqual(bomb.byteLength * 1.01);
    expect(at?.out).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000 + 1500);
    expect(maxBlockMs).toBeLessThan(MAX_BLOCK_MS);
    expect(peakRssBytes - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });

  it('a block over 128 KiB is corrupt, whatever its type', async () => {
    const big = new Uint8Array(200 * 1024);
    const raw = new Uint8Array(Buffer.concat([zstdFrameHeader(20), zstdBlockHeader(true, 0, big.byteLength), big]));
    expect(reasonOf((await readZstd(raw)).found)).toMatch(
      /zstd data is corrupt \(a zstd block is 204800 bytes, more than the 128 KiB allowed\)/,
    );
    const rle = new Uint8Array(
      Buffer.concat([zstdFrameHeader(20), zstdBlockHeader(true, 1, 131073), new Uint8Array(1)]),
    );
    expect(reasonOf((await readZstd(rle)).found)).toMatch(/131073 bytes, more than the 128 KiB allowed/);
  });

  it('a frame that needs a dictionary, or a skippable frame cut short, is refused', async () => {
    const tar = await tarOf([{ name: 'darwin/tool', data: 'X' }]);
    const body = zstdRaw(tar).subarray(6);
    // Frame_Header_Descriptor 0x01: a 1-byte dictionary ID (5) follows the window descriptor.
    const withDictionary = new Uint8Array(
      Buffer.concat([new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x01, 0x50, 5]), body]),
    );
    expect(reasonOf((await readZstd(withDictionary)).found)).toMatch(/needs a dictionary/);
    const skippable = new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 0xe8, 0x03, 0, 0, 1, 2, 3]);
    const other = await tarOf([{ name: 'other', data: 'X' }]);
    const cut = new Uint8Array(Buffer.concat([zstdRaw(other), skippable]));
    expect(reasonOf((await readZstd(cut)).found)).toMatch(/truncated/);
  });

  it("one image's frames share 128 MiB of windows: a frame waits until the others leave room", async () => {
    const windows = windowAllowance();
    const signal = new AbortController().signal;
    await windows.take(100 * 1024 * 1024, signal);
    let second = false;
    const waiting = windows.take(100 * 1024 * 1024, signal).then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second).toBe(false);
    expect(windows.inUse).toBe(100 * 1024 * 1024);
    windows.give(100 * 1024 * 1024);
    await waiting;
    expect(second).toBe(true);
    const stop = new AbortController();
    const stopped = windows.take(100 * 1024 * 1024, stop.signal);
    stop.abort('stopped');
    await expect(stopped).rejects.toBe('stopped');
  });

  it('a zstd stream cut inside a block, or before its last block, is truncated: the paths are unreadable', async () => {
    const tar = await tarOf([
      { name: 'filler', data: new Uint8Array(300_000).fill(7) },
      { name: 'other', data: 'O' },
    ]);
    const whole = zstdRaw(tar);
    expect((await readZstd(whole)).found?.kind).toBe('missing');
    const midBlock = whole.subarray(0, whole.byteLength - 1000);
    expect(reasonOf((await readZstd(midBlock)).found)).toMatch(/zstd data ends early \(truncated layer\)/);
    // Every byte of the tar is there (its end too), but the frame's last block is missing.
    const blocks = [zstdFrameHeader(20), zstdBlockHeader(false, 0, tar.byteLength > 131072 ? 131072 : tar.byteLength)];
    const cut = new Uint8Array(Buffer.concat([...blocks, tar.subarray(0, 131072)]));
    const rest = tar.subarray(131072);
    const noLastBlock = new Uint8Array(
      Buffer.concat([cut, zstdBlockHeader(false, 0, Math.min(rest.byteLength, 131072)), rest.subarray(0, 131072)]),
    );
    expect(reasonOf((await readZstd(noLastBlock)).found)).toMatch(/truncated/);
    const real = new Uint8Array(await readFile(new URL('../../data/registry/zstd-layer.tar.zst', import.meta.url)));
    expect(reasonOf((await readZstd(real.subarray(0, real.byteLength - 5))).found)).toMatch(/truncated|corrupt/);
  });
});
