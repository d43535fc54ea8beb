/**
 * The registry reader's walk over one variant: layers top first (the base never downloaded when the
 * top settles every path), whiteouts, the byte cap per image, manifests checked against their digest,
 * deadlines, cancel, and registries that are gone.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '@core/bytes.js';
import { createRegistryReader, noCredentials } from '@registry/index.js';
import { digestOf, gzip, LAYER_GZIP, LAYER_TAR, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import {
  blobGets,
  extensionImage,
  failureOf,
  METADATA,
  readOnce,
  readToolWithLimits,
  repoOf,
  text,
  value,
} from '../../support/readerFixtures.js';

const { registry, stop } = fakeServersPerTest();

describe('registry reader: layers', () => {
  it('reads metadata.json whole, then binaries, top first, never downloading the base layer', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const reader = createRegistryReader({ credentials: noCredentials });
    const step1 = value(
      await reader.readVariantFiles(repoOf(reg), digest, [{ path: '/metadata.json', maxBytes: 1024 * 1024 }], {
        platform: 'linux/arm64',
      }),
    );
    expect(text(step1.files.get('/metadata.json'))).toBe(METADATA);
    expect(step1.platform).toBe('linux/arm64');
    expect(step1.digest).toBe(digest);
    const step2 = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin/tool', '/windows/tool.exe'], {
        platform: 'linux/arm64',
      }),
    );
    expect(text(step2.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    // Not in the two upper layers: the reader must go down to the base to call it missing.
    expect(step2.files.get('/windows/tool.exe')).toEqual({
      kind: 'missing',
      path: '/windows/tool.exe',
      whitedOut: false,
    });
    expect(step2.bytesTotal).toBeGreaterThan(200_000);

    const reg2 = await registry();
    const second = await extensionImage(reg2);
    const reader2 = createRegistryReader({ credentials: noCredentials });
    const onlyTool = value(
      await reader2.readVariantFiles(repoOf(reg2), second.digest, ['/metadata.json', '/darwin/tool'], {
        platform: 'linux/arm64',
      }),
    );
    expect(text(onlyTool.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(blobGets(reg2).some((u) => u.includes(second.base))).toBe(false);
    expect(onlyTool.bytesRead).toBeLessThan(onlyTool.bytesTotal / 10);
  });

  it('a whiteout in an upper layer makes the binary missing (whited out)', async () => {
    const reg = await registry();
    const low = gzip(await tarOf([{ name: 'darwin/tool', data: 'OLD' }]));
    const up = gzip(
      await tarOf([
        { name: 'darwin/', type: 'directory' },
        { name: 'darwin/.wh.tool', data: '' },
      ]),
    );
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: low },
      { mediaType: LAYER_GZIP, bytes: up },
    ]);
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(files.files.get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: true });
    expect(blobGets(reg).some((u) => u.includes(digestOf(low)))).toBe(false);
  });

  it('over the byte cap: unreadable, and the download stops there', async () => {
    const reg = await registry();
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: gzip(await tarOf([{ name: 'noise', data: randomBytes(400_000) }])) },
    ]);
    const files = value(await readToolWithLimits(reg, digest, { maxBytesPerImage: 100_000 }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/over the byte cap/);
    expect(files.bytesRead).toBeLessThan(400_000);
  });
});

describe('registry reader: the shared byte cap', () => {
  it('a read of an image whose cap other reads used up makes no blob request', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const reader = createRegistryReader({ credentials: noCredentials });
    const budget = { downloaded: 1000, max: 1000 };
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64', budget }),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/over the byte cap: more than 1000/);
    expect(blobGets(reg)).toEqual([]);
  });
});

describe('registry reader: auth, redirects, failures', () => {
  it('a registry that never answers ends at the deadline as a timeout', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = () => true;
    const f = failureOf(
      await readOnce(reg, digest, ['/x'], {
        platform: 'linux/amd64',
        deadlineMs: 200,
      }),
    );
    expect(f.kind).toBe('timeout');
  });

  it('a deadline signal shared by several reads of one image ends them all as timeouts', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const reader = createRegistryReader({ credentials: noCredentials });
    const deadline = AbortSignal.timeout(250);
    const first = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64', deadline }),
    );
    expect(first.files.get('/metadata.json')?.kind).toBe('file');
    reg.handler = () => true;
    const other = reg.addImage([{ mediaType: LAYER_TAR, bytes: await tarOf([{ name: 'x', data: 'x' }]) }]);
    expect(
      failureOf(await reader.readVariantFiles(repoOf(reg), other, ['/x'], { platform: 'linux/arm64', deadline })).kind,
    ).toBe('timeout');
  });

  it('a deadline that is also part of the cancel signal still ends the read as a timeout, not cancelled', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = () => true;
    const deadline = AbortSignal.timeout(200);
    const signal = AbortSignal.any([new AbortController().signal, deadline]);
    const f = failureOf(
      await readOnce(reg, digest, ['/x'], {
        platform: 'linux/amd64',
        signal,
        deadline,
      }),
    );
    expect(f.kind).toBe('timeout');
  });

  it('a blob that stalls mid-stream ends at the deadline with unreadable paths', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': 100_000 });
      res.write(new Uint8Array([0x1f, 0x8b, 8, 0]));
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64', deadlineMs: 300 }));
    const found = files.files.get('/darwin/tool');
    // The registry sent 4 bytes, then nothing: the deadline passed waiting for it, and the message says so.
    const manifest = JSON.parse(new TextDecoder().decode(reg.manifests.get(digest))) as {
      layers: { digest: string; size: number }[];
    };
    const top = manifest.layers.at(-1);
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toBe(
      `layer ${top?.digest.slice(0, 19)}: the registry had sent 4 B of the layer's ${formatBytes(top?.size ?? 0)} when the deadline passed`,
    );
  });

  it('cancel stops the read and says cancelled', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = () => true;
    const controller = new AbortController();
    const pending = readOnce(reg, digest, ['/x'], {
      platform: 'linux/amd64',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(failureOf(await pending).kind).toBe('cancelled');
  });

  it('a manifest whose bytes do not match the digest is refused', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.manifests.set(digest, new TextEncoder().encode('{"schemaVersion":2,"layers":[]}'));
    const f = failureOf(
      await readOnce(reg, digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(f.message).toMatch(/does not match/);
  });

  it('a digest naming an index is refused as an index, even without its mediaType', async () => {
    const reg = await registry();
    const index = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, manifests: [] }));
    reg.manifests.set(digestOf(index), index);
    const f = failureOf(await readOnce(reg, digestOf(index), ['/x'], { platform: 'linux/amd64' }));
    expect(f.message).toMatch(/index of platforms/);
  });

  it('an unreachable registry is unreachable; a bad digest is refused before any request', async () => {
    const reg = await registry();
    const host = reg.host;
    await stop(reg);
    const reader = createRegistryReader({ credentials: noCredentials });
    const f = failureOf(
      await reader.readVariantFiles({ domain: host, path: 'corpus/x' }, `sha256:${'a'.repeat(64)}`, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(f.kind).toBe('unreachable');
    const bad = failureOf(
      await reader.readVariantFiles({ domain: host, path: 'corpus/x' }, '../../etc', ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(bad.message).toMatch(/not a sha256/);
    expect(reader.stats.manifestGets).toBe(1);
  });
});
