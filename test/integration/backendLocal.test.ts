/**
 * The backend's deep check with POST /deep's source and platforms, through its routes, on the test
 * environment's two real engines (26.1.5 containerd store, 28.5.2 classic store) and its loopback
 * registry. Source "local" reads this machine's variant of every installed corpus image from the
 * engine's export with 0 layer GETs to any registry, and judges its host binaries as source "registry"
 * does for that variant; platforms ["linux/arm64"] reads only that variant from the registry; with no
 * engine socket an item fails local-unavailable with nothing downloaded. Every Engine API call made is
 * recorded and on the allowlist; nothing is left in the spool folder. A never-pushed installed image
 * (source "local") is found in the engine by its name and read from its store.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '@backend/app.js';
import { createBackendEngine, type EngineSocket } from '@backend/backendEngine.js';
import { createDeepCheckService } from '@backend/deepCheckService.js';
import type { JsonRow } from '@core/index.js';
import { isAllowedEngineRequest, type EngineRequestRecord } from '@engine/index.js';
import { spoolRoot } from '@localStore/index.js';
import { createRegistryReader, noCredentials, registryPlatformCheck } from '@registry/index.js';
import type { DeepItemSnapshot, DeepJobSnapshot, NotReadVariant } from '@wire/backendApi.js';
import { loadTestEngine28, loadTestEnv } from '../env/testEnv.js';
import { corpusReference, ENGINE_CORPUS } from '../support/corpus.js';

const env = loadTestEnv();
const engine28 = loadTestEngine28(env);
const ENGINES = [
  { engine: '26.1.5 (containerd image store, API 1.45)', socketPath: join(env.dir, 'docker.sock') },
  { engine: '28.5.2 (classic image store, API 1.51)', socketPath: engine28.socketPath },
] as const;

type Row = JsonRow & { readonly notRead: readonly NotReadVariant[] };

/** A backend wired as wiring.ts wires it, with counted registry requests and recorded engine calls. */
interface Rig {
  readonly backend: Backend;
  readonly urls: string[];
  readonly records: EngineRequestRecord[];
  readonly spool: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function rig(socket: EngineSocket): Promise<Rig> {
  const urls: string[] = [];
  const counted = (input: URL, init: RequestInit): Promise<Response> => {
    urls.push(`${init.method ?? 'GET'} ${input.pathname}`);
    return fetch(input, init);
  };
  const records: EngineRequestRecord[] = [];
  const spool = await mkdtemp(join(tmpdir(), 'archmatrix-backend-local-it-'));
  const engine = createBackendEngine({
    socket,
    engine: { onRequest: (r) => records.push(r) },
    local: { spoolBase: spool },
  });
  const deepCheck = createDeepCheckService({
    platformCheck: registryPlatformCheck({ credentials: noCredentials, fetch: counted }),
    reader: createRegistryReader({ credentials: noCredentials, fetch: counted }),
    engine,
  });
  const backend = createBackend({
    deepCheck,
    engine,
    info: { version: 'it', node: 'v22', arch: 'x64' },
    sweepEveryMs: 0,
  });
  cleanups.push(async () => {
    await backend.close();
    await rm(spool, { recursive: true, force: true });
  });
  return { backend, urls, records, spool };
}

async function check(r: Rig, body: Record<string, unknown>): Promise<readonly DeepItemSnapshot[]> {
  const posted = r.backend.handle({ method: 'POST', path: '/deep', body });
  expect(posted.status, JSON.stringify(posted.body)).toBe(202);
  const { id } = posted.body as DeepJobSnapshot;
  await r.backend.jobs?.settled(id);
  return (r.backend.handle({ method: 'GET', path: `/deep/${id}` }).body as DeepJobSnapshot).items;
}

const blobGets = (urls: readonly string[]): string[] => urls.filter((u) => /^GET \/v2\/.+\/blobs\//.test(u));
const states = (row: Row | undefined, platform: string): string[] =>
  (row?.hostBinaries ?? [])
    .filter((h) => h.platform === platform)
    .map((h) => `${h.os} ${h.path} ${h.state} ${h.found ?? '-'}`)
    .sort();

const references = ENGINE_CORPUS.map((image) => corpusReference(env.openRegistry, image.name));

describe.each(ENGINES)('the backend on Engine $engine', ({ socketPath }) => {
  it('source "local": every installed corpus image from the engine, 0 layer GETs, judged as the registry judges linux/amd64', async () => {
    const local = await rig({ kind: 'unix', socketPath });
    expect(local.backend.handle({ method: 'GET', path: '/health' }).body).toMatchObject({ engine: 'unavailable' });
    const localItems = await check(local, { references, source: 'local' });
    expect(local.backend.handle({ method: 'GET', path: '/health' }).body).toMatchObject({ engine: 'available' });

    const registry = await rig({ kind: 'none', reason: 'not used' });
    const registryItems = await check(registry, { references, platforms: ['linux/amd64'] });

    for (const [i, reference] of references.entries()) {
      const item = localItems[i];
      expect(item?.state, `${reference}: ${JSON.stringify(item?.error)}`).toBe('done');
      const row = item?.result as unknown as Row;
      const byRegistry = registryItems[i]?.result as unknown as Row;
      expect(states(row, 'linux/amd64'), reference).toEqual(states(byRegistry, 'linux/amd64'));
      expect(row.deep?.verdict, reference).toBe(byRegistry.deep?.verdict);
      expect(row.deep?.bytesRead, reference).toBe(0);
      expect(
        (row.hostBinaries ?? []).every((h) => h.source === 'local'),
        reference,
      ).toBe(true);
      expect(row.deep?.status, reference).toBe(byRegistry.deep?.status);
      expect(row.notRead.map((n) => n.platform)).toEqual(byRegistry.notRead.map((n) => n.platform));
      expect(row.notRead.every((n) => n.platform !== 'linux/amd64' && (n.bytesTotal ?? 0) > 0)).toBe(true);
    }
    const withBinaries = localItems.filter((i) => ((i.result as unknown as Row).hostBinaries ?? []).length > 0);
    expect(withBinaries.length, 'images with host binaries read from the engine').toBeGreaterThan(1);
    expect(blobGets(registry.urls).length, 'the registry path reads layers').toBeGreaterThan(0);
    // The local path reads no layer: a single manifest's config blob is all its platform check reads.
    const configs = ENGINE_CORPUS.filter((image) => image.name === 'amd64-only').length;
    expect(blobGets(local.urls)).toHaveLength(configs);
    expect(local.records.length).toBeGreaterThan(0);
    expect(local.records.filter((r) => !isAllowedEngineRequest(r.method, r.path))).toEqual([]);
    await local.backend.close();
    expect(await readdir(spoolRoot(local.spool))).toEqual([]);
  });

  it('source "local": a never-pushed installed image is read from the store by its name, 0 registry bytes', async () => {
    const local = await rig({ kind: 'unix', socketPath });
    const [item] = await check(local, { references: [env.localOnly], source: 'local' });
    expect(item?.state, JSON.stringify(item?.error)).toBe('done');
    const row = item?.result as unknown as Row;
    expect(row).toMatchObject({ verdict: 'local-only', source: 'local-store' });
    expect(row.deep).toMatchObject({ status: 'checked', variants: ['linux/amd64'], bytesRead: 0 });
    expect(row.deep?.bytesTotal).toBeGreaterThan(0);
    expect(row.notRead).toEqual([]);
    expect(blobGets(local.urls)).toEqual([]);
    expect(local.records.some((r) => r.path.includes('/images/127.0.0.1'))).toBe(true);
    expect(local.records.filter((r) => !isAllowedEngineRequest(r.method, r.path))).toEqual([]);
    await local.backend.close();
    expect(await readdir(spoolRoot(local.spool))).toEqual([]);
  });
});

describe('the backend, other variants and no engine', () => {
  it('platforms ["linux/arm64"] reads only that variant from the registry and turns wrong-host-binary', async () => {
    const r = await rig({ kind: 'none', reason: 'not used' });
    const [item] = await check(r, {
      references: [corpusReference(env.openRegistry, 'wrong-host-binary')],
      source: 'registry',
      platforms: ['linux/arm64'],
    });
    const row = item?.result as unknown as Row;
    expect(row.verdict).toBe('wrong-host-binary');
    expect(row.deep?.variants).toEqual(['linux/arm64']);
    expect(new Set(row.hostBinaries?.map((h) => `${h.platform} ${h.source}`))).toEqual(
      new Set(['linux/arm64 registry']),
    );
    expect(row.hostBinaries?.some((h) => h.state === 'wrong-cpu')).toBe(true);
    expect(row.notRead.map((n) => n.platform)).toEqual(['linux/amd64']);
    expect(row.notRead[0]?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Its size, from its manifest: what the tab offers before reading it.
    expect(row.notRead[0]?.bytesTotal).toBeGreaterThan(0);
  });

  it('with no engine socket: local-unavailable, nothing downloaded, /health says why', async () => {
    const missing = join(tmpdir(), 'archmatrix-no-engine', 'docker.sock.raw');
    const r = await rig({ kind: 'unix', socketPath: missing });
    const [item] = await check(r, { references: [corpusReference(env.openRegistry, 'good')], source: 'local' });
    expect(item?.state).toBe('failed');
    expect(item?.error?.name).toBe('local-unavailable');
    expect(item?.error?.message).toContain(`no engine socket at ${missing}`);
    expect(r.urls).toEqual([]);
    expect(r.records).toEqual([]);
    expect(r.backend.handle({ method: 'GET', path: '/health' }).body).toMatchObject({
      engine: 'unavailable',
      engineReason: expect.stringContaining('no engine socket') as unknown,
    });
  });
});
