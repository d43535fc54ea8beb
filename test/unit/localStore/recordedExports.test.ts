/**
 * The local source on what real engines exported (test/data/engine): corpus/many-platforms's
 * linux/amd64 variant from Engine 26.1.5 (containerd store, OCI layout with the registry's blobs),
 * Engine 28.5.2 with the classic store (uncompressed layers, a manifest made at export) and with the
 * containerd store (?platform=). All three give the same /metadata.json.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, isAllowedEngineRequest, type EngineRequestRecord } from '@engine/index.js';
import { createLocalSource, spoolRoot } from '@localStore/index.js';
import { engineData, startFakeEngine, storeHandler, type FakeEngine } from '../../support/fakeEngine.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const REPO = { domain: '127.0.0.1:5100', path: 'corpus/many-platforms' };
/** From the registry's index of corpus/many-platforms:1.0.0 (the engine's Manifests list and RepoDigests). */
const INDEX = 'sha256:77d82a25ca4f1bd049ef772112433be900e1faeef9ec2c87b12577d021779c6b';
const AMD64 = 'sha256:a4c0aa5bd89d57383b46bbc6b658fb7d0d30b6ad9c9f757ac7540d92c0f2b51f';
const CLASSIC_ID = 'sha256:1e9ead3d78817c67516cd1f0d11930995458fd7bedf7531fda383a83b24ea763';

interface Recorded {
  readonly engine: string;
  readonly version: string;
  readonly images: string;
  readonly exportOf: string;
  readonly tar: string;
  /** The index digest is needed only where the store keys images by config (classic). */
  readonly needsIndex: boolean;
}

const RECORDED: readonly Recorded[] = [
  {
    engine: '26.1.5, containerd store, API 1.45',
    version: 'version.docker-26.1.5.json',
    images: 'images.docker-26.1.5-containerd.json',
    exportOf: INDEX,
    tar: 'many-platforms.save.docker-26.1.5-containerd.tar',
    needsIndex: true,
  },
  {
    engine: '28.5.2, classic store, API 1.51',
    version: 'version.docker-28.5.2.json',
    images: 'images-manifests.docker-28.5.2-classic.json',
    exportOf: CLASSIC_ID,
    tar: 'many-platforms.save.docker-28.5.2-classic.tar',
    needsIndex: true,
  },
  {
    engine: '28.5.2, containerd store, API 1.51',
    version: 'version.docker-28.5.2.json',
    images: 'images-manifests.docker-28.5.2-containerd.json',
    exportOf: INDEX,
    tar: 'many-platforms.save.docker-28.5.2-containerd.tar',
    needsIndex: false,
  },
];

async function setUp(
  recorded: Recorded,
): Promise<{ engine: FakeEngine; base: string; records: EngineRequestRecord[] }> {
  const engine = await startFakeEngine(
    storeHandler({
      version: await engineData(recorded.version),
      images: await engineData(recorded.images),
      exports: new Map([[recorded.exportOf, new Uint8Array(await engineData(recorded.tar))]]),
    }),
  );
  const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-test-'));
  cleanup.push(
    () => engine.close(),
    () => rm(base, { recursive: true, force: true }),
  );
  return { engine, base, records: [] };
}

describe.each(RECORDED)('a recorded export of $engine', (recorded) => {
  it("reads /metadata.json of this machine's variant, then removes its spool", async () => {
    const { engine, base, records } = await setUp(recorded);
    const client = createEngineClient({ socketPath: engine.socketPath, onRequest: (r) => records.push(r) });
    const source = createLocalSource({ engine: client, spoolBase: base, limits: { keepMs: 0 } });
    const got = await source.readVariant(
      { repo: REPO, variantDigest: AMD64, indexDigest: INDEX, platform: 'linux/amd64' },
      [{ path: '/metadata.json', maxBytes: 65536 }, '/ui/index.html', '/no/such/file'],
    );
    if (!got.ok) throw new Error(`${got.error.kind}: ${got.error.message}`);
    const metadata = got.value.files.get('/metadata.json');
    expect(metadata?.kind).toBe('file');
    const text = metadata?.kind === 'file' ? new TextDecoder().decode(metadata.head) : '';
    expect(JSON.parse(text)).toMatchObject({ ui: { 'dashboard-tab': { root: '/ui' } } });
    expect(got.value.files.get('/ui/index.html')?.kind).toBe('file');
    expect(got.value.files.get('/no/such/file')).toEqual({ kind: 'missing', path: '/no/such/file', whitedOut: false });
    expect(got.value).toMatchObject({ platform: 'linux/amd64', digest: AMD64, bytesRead: 0 });
    expect(source.stats.exports).toBe(1);
    expect(records.every((r) => isAllowedEngineRequest(r.method, r.path))).toBe(true);
    expect(engine.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(await readdir(spoolRoot(base))).toEqual([]);
  });

  it(`${recorded.needsIndex ? 'needs' : 'does not need'} the index digest to find the variant`, async () => {
    const { engine, base } = await setUp(recorded);
    const source = createLocalSource({
      engine: createEngineClient({ socketPath: engine.socketPath }),
      spoolBase: base,
    });
    const got = await source.readVariant({ repo: REPO, variantDigest: AMD64, platform: 'linux/amd64' }, [
      '/metadata.json',
    ]);
    expect(got.ok).toBe(!recorded.needsIndex);
    if (!got.ok) expect(got.error.kind).toBe('not-in-engine');
    await source.close();
    expect(await readdir(spoolRoot(base)).catch(() => [])).toEqual([]);
  });
});
