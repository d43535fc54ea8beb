/**
 * The local source on hand-built exports in every layout engines write: OCI layouts with gzip, zstd
 * and plain layers (containerd store), docker-archives (classic store, old and new form, a layer used
 * twice); the core's layer rules (whiteouts, top layer wins); a kept spool reused by the second pass;
 * at most two exports at once; the port the deep check reads through.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FoundFile, Result, VariantFiles } from '@core/index.js';
import { createEngineClient } from '@engine/index.js';
import {
  createLocalSource,
  localVariantReader,
  spoolRoot,
  type LocalFailure,
  type LocalSource,
  type LocalSourceOptions,
} from '@localStore/index.js';
import { dockerArchive, ociExport, type ExportSpec } from '../../support/fakeExports.js';
import {
  sendJson,
  startFakeEngine,
  storeHandler,
  type EngineHandler,
  type StoredImage,
} from '../../support/fakeEngine.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const REPO = { domain: '127.0.0.1:5100', path: 'fake/image' };
const V51 = Buffer.from('{"Version":"28.5.2","ApiVersion":"1.51","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}');
const METADATA = '{"host":{"binaries":[{"darwin":[{"path":"/darwin/tool"}]}]}}';

/** Two layers: a base with a stale tool and other files, the extension's own on top. */
const TWO_LAYERS: ExportSpec['layers'] = [
  [
    { name: 'bin/busybox', data: 'x'.repeat(5000) },
    { name: 'darwin/tool', data: 'BASE' },
    { name: 'linux/old', data: 'OLD' },
  ],
  [
    { name: 'metadata.json', data: METADATA },
    { name: 'darwin/', type: 'directory' },
    { name: 'darwin/tool', data: 'MACHO TOP' },
    { name: 'linux/.wh..wh..opq', data: '' },
    { name: 'windows/tool.exe', type: 'symlink', linkname: '../darwin/tool' },
  ],
];

async function store(
  images: readonly StoredImage[],
  exports: Map<string, Uint8Array>,
  options: Partial<LocalSourceOptions> = {},
  handler?: (h: EngineHandler) => EngineHandler,
): Promise<{ source: LocalSource; base: string; requests: { path: string }[] }> {
  const inner = storeHandler({ version: V51, images, exports });
  const engine = await startFakeEngine(handler ? handler(inner) : inner);
  const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-test-'));
  const source = createLocalSource({
    engine: createEngineClient({ socketPath: engine.socketPath }),
    spoolBase: base,
    ...options,
  });
  cleanup.push(
    () => engine.close(),
    () => source.close(),
    () => rm(base, { recursive: true, force: true }),
  );
  return { source, base, requests: engine.requests };
}

function files(r: Result<VariantFiles, LocalFailure>): ReadonlyMap<string, FoundFile> {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value.files;
}
const text = (f: FoundFile | undefined): string =>
  f?.kind === 'file' ? Buffer.from(f.head).toString('latin1') : `<${f?.kind ?? 'absent'}>`;
const WANTED = [{ path: '/metadata.json', maxBytes: 65536 }, '/darwin/tool', '/linux/old', '/windows/tool.exe'];

function expectTwoLayers(found: ReadonlyMap<string, FoundFile>): void {
  expect(text(found.get('/metadata.json'))).toBe(METADATA);
  expect(text(found.get('/darwin/tool'))).toBe('MACHO TOP');
  expect(found.get('/linux/old')).toEqual({ kind: 'missing', path: '/linux/old', whitedOut: true });
  expect(found.get('/windows/tool.exe')).toEqual({
    kind: 'symlink',
    path: '/windows/tool.exe',
    target: '../darwin/tool',
  });
}

describe('the layouts engines export', () => {
  it.each(['gzip', 'none'] as const)('an OCI layout with %s layers (containerd store)', async (compression) => {
    const built = await ociExport({ layers: TWO_LAYERS, compression });
    const { source, base } = await store(
      [{ Id: built.indexDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${built.indexDigest}`] }],
      new Map([[built.indexDigest, built.tar]]),
    );
    const got = await source.readVariant(
      { repo: REPO, variantDigest: built.variantDigest, indexDigest: built.indexDigest, platform: 'linux/amd64' },
      WANTED,
    );
    expectTwoLayers(files(got));
    expect(got.ok && got.value.bytesRead).toBe(0);
    await source.close();
    expect(await readdir(spoolRoot(base))).toEqual([]);
  });

  it('an OCI layout with a zstd layer, found by its per-platform manifest (API 1.47+)', async () => {
    const zstd = new Uint8Array(await readFile(new URL('../../data/registry/zstd-layer.tar.zst', import.meta.url)));
    const built = await ociExport({ layers: [[{ name: 'bin/sh', data: 'sh' }], { zstd }] });
    const manifests = [
      {
        ID: built.variantDigest,
        Kind: 'image',
        Available: true,
        ImageData: { Platform: { os: 'linux', architecture: 'amd64' } },
      },
    ];
    const { source } = await store(
      [{ Id: built.indexDigest, Manifests: manifests }],
      new Map([[built.indexDigest, built.tar]]),
    );
    const found = files(
      await source.readVariant({ repo: REPO, variantDigest: built.variantDigest, platform: 'linux/amd64' }, [
        '/metadata.json',
        '/darwin/tool',
      ]),
    );
    expect(text(found.get('/metadata.json'))).toContain('binaries');
    expect(found.get('/darwin/tool')?.kind).toBe('file');
  });

  it.each([false, true])('a docker-archive (classic store, legacy form: %s)', async (legacy) => {
    const built = await dockerArchive({ layers: TWO_LAYERS, legacy });
    const index = `sha256:${'1'.repeat(64)}`;
    const variant = `sha256:${'2'.repeat(64)}`;
    const { source } = await store(
      [{ Id: built.configDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${index}`] }],
      new Map([[built.configDigest, built.tar]]),
    );
    expectTwoLayers(
      files(
        await source.readVariant(
          { repo: REPO, variantDigest: variant, indexDigest: index, platform: 'linux/amd64' },
          WANTED,
        ),
      ),
    );
  });

  it('a legacy docker-archive with a layer used twice (written once, then linked)', async () => {
    const same = [{ name: 'a', data: 'A' }];
    const built = await dockerArchive({
      layers: [same, [{ name: 'a', type: 'directory' as const }], same],
      legacy: true,
    });
    const index = `sha256:${'1'.repeat(64)}`;
    const { source } = await store(
      [{ Id: built.configDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${index}`] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const found = files(
      await source.readVariant(
        { repo: REPO, variantDigest: `sha256:${'2'.repeat(64)}`, indexDigest: index, platform: 'linux/amd64' },
        ['/a'],
      ),
    );
    expect(text(found.get('/a'))).toBe('A');
  });

  it("the engine's image of another platform is not this variant", async () => {
    const built = await dockerArchive({ layers: TWO_LAYERS, platform: { os: 'linux', architecture: 'arm64' } });
    const index = `sha256:${'1'.repeat(64)}`;
    const { source, base } = await store(
      [{ Id: built.configDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${index}`] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const got = await source.readVariant(
      { repo: REPO, variantDigest: `sha256:${'2'.repeat(64)}`, indexDigest: index, platform: 'linux/amd64' },
      WANTED,
    );
    expect(got.ok ? 'ok' : got.error).toEqual({
      kind: 'not-in-engine',
      message: 'the engine holds linux/arm64 of this image, not linux/amd64',
    });
    expect(await readdir(spoolRoot(base))).toEqual([]);
  });

  it('a repository digest of another repository does not vouch for the image', async () => {
    const built = await dockerArchive({ layers: TWO_LAYERS });
    const index = `sha256:${'1'.repeat(64)}`;
    const { source, requests } = await store(
      [{ Id: built.configDigest, RepoDigests: [`127.0.0.1:5100/other/image@${index}`] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const got = await source.readVariant(
      { repo: REPO, variantDigest: `sha256:${'2'.repeat(64)}`, indexDigest: index, platform: 'linux/amd64' },
      WANTED,
    );
    expect(got.ok ? 'ok' : got.error.kind).toBe('not-in-engine');
    expect(requests.some((r) => r.path.includes('/get'))).toBe(false);
  });
});

describe('exports: kept for the second pass, at most two at once', () => {
  it("the deep check's two passes over one variant export it once; the spool goes after keepMs", async () => {
    const built = await ociExport({ layers: TWO_LAYERS });
    const { source, base, requests } = await store(
      [{ Id: built.indexDigest }],
      new Map([[built.indexDigest, built.tar]]),
      { limits: { keepMs: 100 } },
    );
    const request = {
      repo: REPO,
      variantDigest: built.variantDigest,
      indexDigest: built.indexDigest,
      platform: 'linux/amd64',
    } as const;
    expect(text(files(await source.readVariant(request, ['/metadata.json'])).get('/metadata.json'))).toBe(METADATA);
    expect(await readdir(spoolRoot(base))).toHaveLength(1);
    expect(text(files(await source.readVariant(request, ['/darwin/tool'])).get('/darwin/tool'))).toContain('TOP');
    expect(source.stats).toMatchObject({ exports: 1, reused: 1 });
    expect(requests.filter((r) => r.path.includes('/get'))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await readdir(spoolRoot(base))).toEqual([]);
  });

  it('runs at most two exports at once', async () => {
    const builds = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => ociExport({ layers: [[{ name: 'n', data: String(n) }]] })),
    );
    let running = 0;
    let most = 0;
    const slow =
      (inner: EngineHandler): EngineHandler =>
      (req, res) => {
        if (!req.url?.includes('/get')) return inner(req, res);
        running += 1;
        most = Math.max(most, running);
        res.on('finish', () => (running -= 1));
        setTimeout(() => void inner(req, res), 60);
      };
    const { source } = await store(
      builds.map((b) => ({ Id: b.indexDigest })),
      new Map(builds.map((b) => [b.indexDigest, b.tar])),
      {},
      slow,
    );
    const got = await Promise.all(
      builds.map((b) =>
        source.readVariant(
          { repo: REPO, variantDigest: b.variantDigest, indexDigest: b.indexDigest, platform: 'linux/amd64' },
          ['/n'],
        ),
      ),
    );
    expect(got.map((g) => text(files(g).get('/n')))).toEqual(['1', '2', '3', '4', '5']);
    expect(most).toBe(2);
  });
});

describe('the VariantFileReader port', () => {
  it('reads through readVariantFiles, told the index by noteIndex; failures are CommandFailures', async () => {
    const built = await dockerArchive({ layers: TWO_LAYERS });
    const index = `sha256:${'1'.repeat(64)}`;
    const variant = `sha256:${'2'.repeat(64)}`;
    const { source } = await store(
      [{ Id: built.configDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${index}`] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const reader = localVariantReader(source);
    const before = await reader.readVariantFiles(REPO, variant, ['/darwin/tool'], { platform: 'linux/amd64' });
    expect(before.ok ? 'ok' : before.error.kind).toBe('not-found');
    expect(before.ok ? '' : before.error.message).toMatch(
      /^local image store: the engine holds no image of 127\.0\.0\.1:5100\/fake\/image/,
    );
    reader.noteIndex(REPO, index, [variant, `sha256:${'3'.repeat(64)}`]);
    const after = await reader.readVariantFiles(REPO, variant, ['/darwin/tool'], { platform: 'linux/amd64' });
    expect(after.ok && text(after.value.files.get('/darwin/tool'))).toContain('TOP');
  });
});

describe('not a variant digest', () => {
  it('is refused before the engine is asked', async () => {
    const { source, requests } = await store([], new Map(), {}, () => (_q, res) => sendJson(res, 500, {}));
    const got = await source.readVariant({ repo: REPO, variantDigest: 'latest', platform: 'linux/amd64' }, ['/x']);
    expect(got.ok ? 'ok' : got.error.kind).toBe('bad-export');
    expect(requests).toEqual([]);
  });
});
