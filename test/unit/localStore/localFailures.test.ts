/**
 * Every way a local read can fail gives one typed failure with a clear message, and leaves nothing in
 * the spool folder: an image gone from the engine, an export over the cap, an engine that is silent or
 * stalls, a truncated export, a blob or layer that does not match its digest, a full disk, a cancel
 * mid-export, an engine API too old, a DOCKER_HOST that is not a Unix socket. Leftovers of a crashed
 * run are removed at start.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient } from '@engine/index.js';
import {
  createLocalSource,
  localSourceFromEnv,
  spoolRoot,
  type LocalFailure,
  type LocalReadOptions,
  type LocalSourceOptions,
} from '@localStore/index.js';
import { dockerArchive, ociExport, type BuiltExport } from '../../support/fakeExports.js';
import { startFakeEngine, storeHandler, type StoredImage } from '../../support/fakeEngine.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const REPO = { domain: '127.0.0.1:5100', path: 'fake/image' };
const version = (api: string): Buffer =>
  Buffer.from(JSON.stringify({ Version: 'x', ApiVersion: api, MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64' }));
const LAYERS = [[{ name: 'metadata.json', data: '{}' }], [{ name: 'darwin/tool', data: 'T'.repeat(3000) }]];

interface Setup {
  readonly images?: readonly StoredImage[];
  readonly exports?: Map<string, Uint8Array>;
  readonly api?: string;
  readonly exportHandler?: (tar: Uint8Array, req: IncomingMessage, res: ServerResponse) => void;
  readonly options?: Partial<LocalSourceOptions>;
}

/** Reads the variant of `built` through an engine set up as given; returns the failure and what the spool root holds after. */
async function failRead(
  built: BuiltExport,
  setup: Setup = {},
  read: LocalReadOptions = {},
): Promise<{ failure: LocalFailure; left: string[] }> {
  const engine = await startFakeEngine(
    storeHandler({
      version: version(setup.api ?? '1.51'),
      images: setup.images ?? [{ Id: built.indexDigest }],
      exports: setup.exports ?? new Map([[built.indexDigest, built.tar]]),
      ...(setup.exportHandler ? { exportHandler: setup.exportHandler } : {}),
    }),
  );
  const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-test-'));
  const source = createLocalSource({
    engine: createEngineClient({ socketPath: engine.socketPath }),
    spoolBase: base,
    ...setup.options,
  });
  cleanup.push(
    () => engine.close(),
    () => rm(base, { recursive: true, force: true }),
  );
  const got = await source.readVariant(
    { repo: REPO, variantDigest: built.variantDigest, indexDigest: built.indexDigest, platform: 'linux/amd64' },
    ['/metadata.json', '/darwin/tool'],
    read,
  );
  if (got.ok) throw new Error('expected the read to fail');
  await source.close();
  return { failure: got.error, left: await readdir(spoolRoot(base)).catch(() => []) };
}

/** The tar with one byte of `blob` changed (same length: the tar stays well formed). */
function tampered(tar: Uint8Array, blob: Uint8Array): Uint8Array {
  const copy = Buffer.from(tar);
  const at = copy.indexOf(Buffer.from(blob.subarray(0, Math.min(blob.byteLength, 512))));
  if (at < 0) throw new Error('test setup: blob not in the tar');
  const i = at + Math.floor(blob.byteLength / 2);
  copy.writeUInt8(copy.readUInt8(i) ^ 0xff, i);
  return new Uint8Array(copy);
}

const largest = (built: Pick<BuiltExport, 'blobs'>): Uint8Array =>
  [...built.blobs.values()].reduce((a, b) => (b.byteLength > a.byteLength ? b : a));

describe('failures, each typed and clear, each leaving the spool folder empty', () => {
  it('an image the engine no longer has (removed since it was listed)', async () => {
    const built = await ociExport({ layers: LAYERS });
    const { failure, left } = await failRead(built, { exports: new Map() });
    expect(failure.kind).toBe('not-in-engine');
    expect(failure.message).toContain('No such image');
    expect(left).toEqual([]);
  });

  it('an export larger than the cap', async () => {
    const built = await ociExport({ layers: LAYERS, compression: 'none' });
    const { failure, left } = await failRead(built, { options: { limits: { maxExportBytes: 4096 } } });
    expect(failure).toEqual({ kind: 'too-large', message: 'the export is larger than its cap (4096 bytes)' });
    expect(left).toEqual([]);
  });

  it('an engine that never answers the export: the per-image deadline', async () => {
    const built = await ociExport({ layers: LAYERS });
    const { failure, left } = await failRead(
      built,
      { exportHandler: () => undefined },
      { deadline: AbortSignal.timeout(200) },
    );
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toMatch(/deadline/);
    expect(left).toEqual([]);
  });

  it('an export that stalls half way: the deadline', async () => {
    const built = await ociExport({ layers: LAYERS });
    const stall = (tar: Uint8Array, _q: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(200);
      res.write(tar.subarray(0, tar.byteLength / 2));
    };
    const { failure, left } = await failRead(built, { exportHandler: stall }, { deadline: AbortSignal.timeout(300) });
    expect(failure.kind).toBe('timeout');
    expect(left).toEqual([]);
  });

  it('a cancel mid-export', async () => {
    const built = await ociExport({ layers: LAYERS });
    const cancel = new AbortController();
    const stall = (tar: Uint8Array, _q: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(200);
      res.write(tar.subarray(0, tar.byteLength / 2), () => setTimeout(() => cancel.abort(), 20));
    };
    const { failure, left } = await failRead(built, { exportHandler: stall }, { signal: cancel.signal });
    expect(failure.kind).toBe('cancelled');
    expect(left).toEqual([]);
  });

  it.each([0.3, 0.97])('an export cut short at %d of its bytes', async (share) => {
    const built = await ociExport({ layers: LAYERS });
    const cut = (tar: Uint8Array, _q: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(200);
      res.end(tar.subarray(0, Math.floor(tar.byteLength * share)));
    };
    const { failure, left } = await failRead(built, { exportHandler: cut });
    expect(failure.kind).toBe('truncated');
    expect(left).toEqual([]);
  });

  it('a blob whose bytes do not match its digest (OCI layout)', async () => {
    const built = await ociExport({ layers: LAYERS, compression: 'none' });
    const bad = tampered(built.tar, largest(built));
    const { failure, left } = await failRead(built, { exports: new Map([[built.indexDigest, bad]]) });
    expect(failure.kind).toBe('digest-mismatch');
    expect(failure.message).toMatch(/^the export's blobs\/sha256\/[a-f0-9]{64} does not match its digest/);
    expect(left).toEqual([]);
  });

  it("a legacy layer.tar that does not match the config's diff_id", async () => {
    const archive = await dockerArchive({ layers: LAYERS, legacy: true });
    const index = `sha256:${'1'.repeat(64)}`;
    const built = { ...archive, variantDigest: `sha256:${'2'.repeat(64)}`, indexDigest: index };
    const { failure, left } = await failRead(built, {
      images: [{ Id: archive.configDigest, RepoDigests: [`127.0.0.1:5100/fake/image@${index}`] }],
      exports: new Map([[archive.configDigest, tampered(archive.tar, largest(archive))]]),
    });
    expect(failure.kind).toBe('digest-mismatch');
    expect(failure.message).toContain('does not match its diff_id in the image config');
    expect(left).toEqual([]);
  });

  it('the disk full while spooling', async () => {
    const built = await ociExport({ layers: LAYERS });
    let writes = 0;
    const full = (): Writable =>
      new Writable({
        write(_chunk, _encoding, callback) {
          writes += 1;
          callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
        },
      });
    const { failure, left } = await failRead(built, { options: { openWrite: full } });
    expect(writes).toBeGreaterThan(0);
    expect(failure.kind).toBe('disk-full');
    expect(failure.message).toMatch(/^the disk is full while spooling the export to .*\(ENOSPC\)$/);
    expect(left).toEqual([]);
  });

  it('an engine API older than the allowlist', async () => {
    const built = await ociExport({ layers: LAYERS });
    const { failure } = await failRead(built, { api: '1.40' });
    expect(failure.kind).toBe('engine-api');
    expect(failure.message).toMatch(/Engine API 1\.40.*1\.41 or later/);
  });
});

describe('where the engine is', () => {
  it.each(['tcp://10.0.0.5:2376', 'ssh://me@build-box'])(
    'DOCKER_HOST=%s: unavailable, said in one sentence',
    (host) => {
      const got = localSourceFromEnv(host);
      expect(got.ok ? 'ok' : got.error.kind).toBe('unavailable');
      expect(got.ok ? '' : got.error.message).toMatch(/every variant is read from its registry$/);
    },
  );

  it('no socket: unavailable', async () => {
    const got = localSourceFromEnv(`unix://${join(tmpdir(), 'archmatrix-none', 'docker.sock')}`);
    if (!got.ok) throw new Error(got.error.message);
    const read = await got.value.readVariant(
      { repo: REPO, variantDigest: `sha256:${'2'.repeat(64)}`, platform: 'linux/amd64' },
      ['/x'],
    );
    expect(read.ok ? 'ok' : read.error).toMatchObject({ kind: 'unavailable' });
  });
});

describe('leftovers of a run that crashed', () => {
  it('are removed at start; folders of running processes and foreign names are kept', async () => {
    const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-test-'));
    cleanup.push(() => rm(base, { recursive: true, force: true }));
    const root = spoolRoot(base);
    for (const name of ['99999999-AbC123', '1-xYz789', 'not-ours'])
      await mkdir(join(root, name, 'inside'), { recursive: true });
    const built = await ociExport({ layers: LAYERS });
    const engine = await startFakeEngine(
      storeHandler({
        version: version('1.51'),
        images: [{ Id: built.indexDigest }],
        exports: new Map([[built.indexDigest, built.tar]]),
      }),
    );
    cleanup.push(() => engine.close());
    const source = createLocalSource({
      engine: createEngineClient({ socketPath: engine.socketPath }),
      spoolBase: base,
    });
    const got = await source.readVariant(
      { repo: REPO, variantDigest: built.variantDigest, indexDigest: built.indexDigest, platform: 'linux/amd64' },
      ['/metadata.json'],
    );
    expect(got.ok).toBe(true);
    await source.close();
    expect((await readdir(root)).sort()).toEqual(['1-xYz789', 'not-ours']);
  });
});
