/** One layer as tar entries: gzip, zstd and plain tar, broken layers, bombs and media types that are no tar. */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRegistryReader, noCredentials, type ReaderLimits } from '@registry/index.js';
import { gzip, LAYER_GZIP, LAYER_TAR, LAYER_ZSTD, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { readOnce, readToolWithLimits, repoOf, text, value } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

describe('registry reader: layers', () => {
  it('reads zstd and plain tar layers', async () => {
    const reg = await registry();
    const zstd = new Uint8Array(await readFile(new URL('../../data/registry/zstd-layer.tar.zst', import.meta.url)));
    const plain = await tarOf([{ name: 'linux/tool', data: '\x7fELF' }]);
    const digest = reg.addImage([
      { mediaType: LAYER_ZSTD, bytes: zstd },
      { mediaType: LAYER_TAR, bytes: plain },
    ]);
    const reader = createRegistryReader({ credentials: noCredentials });
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json', '/darwin/tool', '/linux/tool'], {
        platform: 'linux/amd64',
      }),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('#!/bin/sh\necho zstd\n');
    expect(text(files.files.get('/metadata.json'))).toBe('{"host":{"binaries":[]}}');
    expect(text(files.files.get('/linux/tool'))).toBe('\x7fELF');
  });

  it('a truncated gzip layer leaves its paths unreadable with the reason', async () => {
    const reg = await registry();
    const whole = gzip(
      await tarOf([
        { name: 'filler', data: randomBytes(50_000) },
        { name: 'darwin/tool', data: 'X' },
      ]),
    );
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: whole.subarray(0, Math.floor(whole.byteLength / 2)) },
    ]);
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind).toBe('unreadable');
    expect(found?.kind === 'unreadable' ? found.reason : '').toMatch(/truncated|corrupt|end/i);
  });

  it('a layer declared gzip that is not gzip is unreadable', async () => {
    const reg = await registry();
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: await tarOf([{ name: 'darwin/tool', data: 'X' }]) }]);
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/declared gzip but is not gzip/);
  });

  it('a tar bomb (too many entries) stops with a reason', async () => {
    const reg = await registry();
    const many = Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, data: '' }));
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: gzip(await tarOf(many)) }]);
    const limits: Partial<ReaderLimits> = { maxEntries: 100 };
    const files = value(await readToolWithLimits(reg, digest, limits));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/more than 100 entries/);
  });

  it('a decompression bomb stops at the uncompressed limit', async () => {
    const reg = await registry();
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: gzip(await tarOf([{ name: 'zeros', data: new Uint8Array(2_000_000) }])) },
    ]);
    const files = value(await readToolWithLimits(reg, digest, { maxUncompressedBytes: 1_000_000 }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/uncompressed bytes/);
  });

  it('a layer that is not a tar media type is unreadable, not guessed', async () => {
    const reg = await registry();
    const digest = reg.addImage([{ mediaType: 'application/vnd.in-toto+json', bytes: new TextEncoder().encode('{}') }]);
    const files = value(
      await readOnce(reg, digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(files.files.get('/x')?.kind).toBe('unreadable');
  });
});
