import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FoundFile, VariantFiles } from '@core/inside/types.js';
import type { CommandFailure } from '@core/types.js';
import type { Result } from '@core/result.js';
import { createRegistryReader, noCredentials, type CredentialsPort, type ReaderLimits } from '@registry/index.js';
import { directoryBlobCache } from '@registry/directoryBlobCache.js';
import {
  digestOf,
  gzip,
  LAYER_GZIP,
  LAYER_TAR,
  LAYER_ZSTD,
  sendBlob,
  startRegistry,
  startServer,
  tarOf,
  type FakeRegistry,
  type FakeServer,
} from '../../support/fakeRegistry.js';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function registry(): Promise<FakeRegistry> {
  const r = await startRegistry();
  servers.push(r);
  return r;
}

const METADATA = '{"host":{"binaries":[{"darwin":[{"path":"/darwin/tool"}]}]}}';
const text = (f: FoundFile | undefined): string =>
  f?.kind === 'file' ? new TextDecoder().decode(f.head) : `<${f?.kind ?? 'absent'}>`;

function value(r: Result<VariantFiles, CommandFailure>): VariantFiles {
  if (!r.ok) throw new Error(`expected files, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

function failureOf(r: Result<VariantFiles, CommandFailure>): CommandFailure {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

/** A typical extension image: a big base layer, then the extension's own layers. */
async function extensionImage(reg: FakeRegistry): Promise<{ digest: string; base: string }> {
  const base = gzip(
    await tarOf([
      { name: 'bin/busybox', data: randomBytes(200_000) },
      { name: 'darwin/tool', data: 'BASE' },
    ]),
  );
  const own = gzip(
    await tarOf([
      { name: 'darwin/', type: 'directory' },
      { name: 'darwin/tool', data: 'MACHO-ARM64' },
    ]),
  );
  const meta = gzip(await tarOf([{ name: 'metadata.json', data: METADATA }]));
  const digest = reg.addImage([
    { mediaType: LAYER_GZIP, bytes: base },
    { mediaType: LAYER_GZIP, bytes: own },
    { mediaType: LAYER_GZIP, bytes: meta },
  ]);
  return { digest, base: digestOf(base) };
}

const repoOf = (reg: FakeServer) => ({ domain: reg.host, path: 'corpus/x' });
const blobGets = (s: FakeServer): string[] => s.log.filter((l) => l.url.includes('/blobs/')).map((l) => l.url);

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
    const big = gzip(
      await tarOf([
        { name: 'metadata.json', data: METADATA },
        { name: 'filler', data: randomBytes(300_000) },
        { name: 'darwin/tool', data: 'AT-THE-END' },
      ]),
    );
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
    const big = gzip(
      await tarOf([
        { name: 'metadata.json', data: METADATA },
        { name: 'filler', data: randomBytes(300_000) },
        { name: 'darwin/tool', data: 'AT-THE-END' },
      ]),
    );
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: big }]);
    const reader = createRegistryReader({ credentials: noCredentials });
    value(await reader.readVariantFiles(repoOf(reg), digest, ['/metadata.json'], { platform: 'linux/amd64' }));
    const files = value(
      await reader.readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64' }),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('AT-THE-END');
  });

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
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(files.files.get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: true });
    expect(blobGets(reg).some((u) => u.includes(digestOf(low)))).toBe(false);
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
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind).toBe('unreadable');
    expect(found?.kind === 'unreadable' ? found.reason : '').toMatch(/truncated|corrupt|end/i);
  });

  it('a layer declared gzip that is not gzip is unreadable', async () => {
    const reg = await registry();
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: await tarOf([{ name: 'darwin/tool', data: 'X' }]) }]);
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/declared gzip but is not gzip/);
  });

  it('a tar bomb (too many entries) stops with a reason', async () => {
    const reg = await registry();
    const many = Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, data: '' }));
    const digest = reg.addImage([{ mediaType: LAYER_GZIP, bytes: gzip(await tarOf(many)) }]);
    const limits: Partial<ReaderLimits> = { maxEntries: 100 };
    const files = value(
      await createRegistryReader({ credentials: noCredentials, limits }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/more than 100 entries/);
  });

  it('a decompression bomb stops at the uncompressed limit', async () => {
    const reg = await registry();
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: gzip(await tarOf([{ name: 'zeros', data: new Uint8Array(2_000_000) }])) },
    ]);
    const files = value(
      await createRegistryReader({
        credentials: noCredentials,
        limits: { maxUncompressedBytes: 1_000_000 },
      }).readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64' }),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/uncompressed bytes/);
  });

  it('over the byte cap: unreadable, and the download stops there', async () => {
    const reg = await registry();
    const digest = reg.addImage([
      { mediaType: LAYER_GZIP, bytes: gzip(await tarOf([{ name: 'noise', data: randomBytes(400_000) }])) },
    ]);
    const files = value(
      await createRegistryReader({
        credentials: noCredentials,
        limits: { maxBytesPerImage: 100_000 },
      }).readVariantFiles(repoOf(reg), digest, ['/darwin/tool'], { platform: 'linux/amd64' }),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/over the byte cap/);
    expect(files.bytesRead).toBeLessThan(400_000);
  });

  it('a layer that is not a tar media type is unreadable, not guessed', async () => {
    const reg = await registry();
    const digest = reg.addImage([{ mediaType: 'application/vnd.in-toto+json', bytes: new TextEncoder().encode('{}') }]);
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(files.files.get('/x')?.kind).toBe('unreadable');
  });

  it('a directory cache serves a new reader without downloading, and writes only inside its directory', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const dir = await mkdtemp(join(tmpdir(), 'archmatrix-cache-'));
    try {
      const wanted = ['/metadata.json', '/darwin/tool'];
      value(
        await createRegistryReader({ credentials: noCredentials, cache: directoryBlobCache(dir) }).readVariantFiles(
          repoOf(reg),
          digest,
          wanted,
          { platform: 'linux/amd64' },
        ),
      );
      const before = reg.log.length;
      const again = value(
        await createRegistryReader({ credentials: noCredentials, cache: directoryBlobCache(dir) }).readVariantFiles(
          repoOf(reg),
          digest,
          wanted,
          { platform: 'linux/amd64' },
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

describe('registry reader: auth, redirects, failures', () => {
  const basic = (user: string, password: string): CredentialsPort => ({
    get: () => Promise.resolve({ kind: 'basic', username: user, password }),
  });

  it('Bearer: fetches an anonymous token from the realm and retries', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer' };
    const { digest } = await extensionImage(reg);
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const token = reg.log.find((l) => l.url.startsWith('/token'));
    expect(token?.url).toContain('service=fake');
    expect(token?.url).toContain('scope=repository%3Acorpus%2Fx%3Apull');
    expect(token?.authorization).toBeUndefined();
    // One token for the whole read.
    expect(reg.log.filter((l) => l.url.startsWith('/token')).length).toBe(1);
  });

  it('Bearer with a stored login sends Basic to the realm; a refused login names the registry (the deep layer says what to run)', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer', user: 'testuser', pass: 'testpass' };
    const { digest } = await extensionImage(reg);
    const good = await createRegistryReader({ credentials: basic('testuser', 'testpass') }).readVariantFiles(
      repoOf(reg),
      digest,
      ['/darwin/tool'],
      { platform: 'linux/amd64' },
    );
    expect(text(value(good).files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const bad = failureOf(
      await createRegistryReader({ credentials: basic('testuser', 'wrong') }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(bad.kind).toBe('unauthorized');
    expect(bad.message).toContain(`the registry ${reg.host} (the stored login was refused)`);
    expect(bad.message).not.toMatch(/docker login/);
  });

  it('Basic: sends the stored login; without one the failure is unauthorized', async () => {
    const reg = await registry();
    reg.auth = { kind: 'basic', user: 'u', pass: 'p:with:colons' };
    const { digest } = await extensionImage(reg);
    const good = value(
      await createRegistryReader({ credentials: basic('u', 'p:with:colons') }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(text(good.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const none = failureOf(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(none.kind).toBe('unauthorized');
    expect(none.message).toMatch(
      /the registry 127\.0\.0\.1:\d+ wants a user and password, and there is no stored login/,
    );
  });

  it('a redirect to another host is followed without the registry Authorization', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer' };
    const store = await startServer((_s, req, res) => {
      const digest = (req.url ?? '').replace('/store/', '');
      const bytes = reg.blobs.get(digest);
      if (bytes) sendBlob(req, res, bytes);
      else res.writeHead(404).end();
    });
    servers.push(store);
    reg.redirectBlobsTo = store.origin;
    const { digest } = await extensionImage(reg);
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(text(files.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(store.log.length).toBeGreaterThan(0);
    expect(store.log.filter((l) => l.authorization !== undefined)).toEqual([]);
    expect(reg.log.some((l) => l.url.includes('/blobs/') && l.authorization === 'Bearer tok-123')).toBe(true);
  });

  it('redirect loops end after a bounded number of hops; http to a non-loopback host is refused', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(302, { location: req.url ?? '/' }).end();
      return true;
    };
    const loop = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = loop.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/more than 5 redirects/);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(307, { location: 'http://storage.example.com/blob' }).end();
      return true;
    };
    const plain = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const refused = plain.files.get('/darwin/tool');
    expect(refused?.kind === 'unreadable' ? refused.reason : refused?.kind).toMatch(
      /refused a redirect to http:\/\/storage\.example\.com/,
    );
  });

  it.each([
    [404, 'not-found'],
    [403, 'unauthorized'],
    [429, 'rate-limited'],
    [500, 'error'],
    [503, 'unreachable'],
  ] as const)('a manifest answered %i is %s', async (status, kind) => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"X","message":"said no"}]}');
      return true;
    };
    const f = failureOf(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(f.kind).toBe(kind);
    expect(f.message).toContain(`http://${reg.host}/v2/corpus/x/manifests/${digest}`);
    expect(f.message).toContain('X: said no');
  });

  it('a blob answered 500 leaves the open paths unreadable, with the status', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(500).end('boom');
      return true;
    };
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/500/);
  });

  it('a blob download cut off by the server leaves the open paths unreadable', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': 100_000 });
      res.write(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), () => res.destroy());
      return true;
    };
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/cut off|truncated/);
  });

  it('a registry that never answers ends at the deadline as a timeout', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = () => true;
    const f = failureOf(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
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
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
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
    const files = value(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64', deadlineMs: 300 },
      ),
    );
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/timed out|deadline/);
  });

  it('cancel stops the read and says cancelled', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = () => true;
    const controller = new AbortController();
    const pending = createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
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
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(repoOf(reg), digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(f.message).toMatch(/does not match/);
  });

  it('a digest naming an index is refused as an index, even without its mediaType', async () => {
    const reg = await registry();
    const index = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, manifests: [] }));
    reg.manifests.set(digestOf(index), index);
    const f = failureOf(
      await createRegistryReader({ credentials: noCredentials }).readVariantFiles(
        repoOf(reg),
        digestOf(index),
        ['/x'],
        { platform: 'linux/amd64' },
      ),
    );
    expect(f.message).toMatch(/index of platforms/);
  });

  it('an unreachable registry is unreachable; a bad digest is refused before any request', async () => {
    const reg = await registry();
    const host = reg.host;
    await reg.close();
    servers.splice(servers.indexOf(reg), 1);
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
