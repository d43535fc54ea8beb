/**
 * The backend's deep check with POST /deep's source and platforms, through the routes, in-process: a fake
 * local source and a fake registry reader stand in. Source "local" reads this machine's variant from the
 * engine only (never the registry reader), fails typed when the engine cannot answer or lacks the image,
 * and lists the variants it did not read; platforms reads only those variants from the registry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import { createBackend, type Backend } from '@backend/app.js';
import { createBackendEngine, type BackendEngine, type HeldImage } from '@backend/backendEngine.js';
import { createDeepCheckService } from '@backend/deepCheckService.js';
import { err, type ImageReference, type InspectResult, type JsonRow } from '@core/index.js';
import type { LocalFailure, LocalSource } from '@localStore/index.js';
import { fileOf } from '../../support/deepData.js';
import {
  AMD,
  ARM,
  REF,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  textFile,
  type FakeReader,
} from '../../support/fakeReader.js';

const backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

const META = textFile('/metadata.json', JSON.stringify({ host: { binaries: [{ linux: [{ path: '/linux/tool' }] }] } }));
/** Both variants carry an x86_64 binary: right in linux/amd64, wrong in linux/arm64. */
const VARIANTS = {
  [AMD]: { files: { '/metadata.json': META, '/linux/tool': fileOf('/linux/tool', 'linuxX64') } },
  [ARM]: { files: { '/metadata.json': META, '/linux/tool': fileOf('/linux/tool', 'linuxX64') } },
};

/** A local source answering from a fake reader's variants (0 bytes from registries), or failing so. */
function fakeLocal(reader: FakeReader, failure?: LocalFailure): LocalSource & { readonly reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stats: { exports: 0, bytesExported: 0, reused: 0 },
    close: () => Promise.resolve(),
    readImage: () => Promise.resolve(err({ kind: 'not-in-engine', message: 'never asked here' })),
    readVariant: async (request, wanted) => {
      reads.push(`${request.platform} ${request.variantDigest}`);
      if (failure !== undefined) return err(failure);
      const got = await reader.readVariantFiles(request.repo, request.variantDigest, wanted, {
        platform: request.platform,
      });
      return got.ok ? { ok: true, value: { ...got.value, bytesRead: 0 } } : err({ kind: 'bad-export', message: 'x' });
    },
  };
}

/** The engine's answer to GET /images/{name}/json by reference (absent: it holds no such image). */
type Held = Readonly<Record<string, HeldImage>>;

function readyEngine(source: LocalSource, held: Held = {}, asked: string[] = []): BackendEngine {
  const health = { engine: 'available', engineReason: 'Engine 28.5.2 (API 1.51) on /fake.sock' } as const;
  const findImage = (reference: ImageReference): Promise<HeldImage | undefined> => {
    asked.push(reference.canonical);
    return Promise.resolve(held[reference.canonical]);
  };
  return {
    health: () => health,
    probe: () => Promise.resolve(health),
    ready: () => Promise.resolve({ ok: true, value: { source, host: 'linux/amd64', findImage } }),
    noteFailure: () => undefined,
    close: () => Promise.resolve(),
  };
}

async function run(
  engine: BackendEngine | undefined,
  body: Record<string, unknown>,
  registry: FakeReader,
  published: Readonly<Record<string, InspectResult>> = {
    [REF]: inspectResult(REF, { 'linux/amd64': AMD, 'linux/arm64': ARM }),
  },
) {
  const platformChecks: string[] = [];
  const deepCheck = createDeepCheckService({
    reader: registry,
    platformCheck: fakePlatformCheck(published, platformChecks),
    ...(engine !== undefined ? { engine } : {}),
  });
  const b = createBackend({
    deepCheck,
    ...(engine !== undefined ? { engine } : {}),
    info: { version: '1', node: 'v22', arch: 'x64' },
    sweepEveryMs: 0,
  });
  backends.push(b);
  const posted = b.handle({ method: 'POST', path: '/deep', body: { references: [REF], ...body } });
  expect(posted.status).toBe(202);
  const { id } = posted.body as DeepJobSnapshot;
  await b.jobs?.settled(id);
  const job = b.handle({ method: 'GET', path: `/deep/${id}` }).body as DeepJobSnapshot;
  return { item: job.items[0], platformChecks, backend: b };
}

describe('the backend deep check, source "local"', () => {
  it("reads this machine's variant from the engine only, each host binary says local, the other variant is listed as not read", async () => {
    const registry = fakeReader(VARIANTS);
    const local = fakeLocal(fakeReader(VARIANTS));
    const { item, backend } = await run(readyEngine(local), { source: 'local' }, registry);
    expect(item?.state).toBe('done');
    const row = item?.result as unknown as JsonRow & { notRead: unknown };
    expect(row.hostBinaries?.map((h) => [h.platform, h.state, h.found, h.source])).toEqual([
      ['linux/amd64', 'ok', 'x86_64', 'local'],
    ]);
    expect(row.deep?.variants).toEqual(['linux/amd64']);
    expect(row.deep?.message).toBe('Host binaries and backend images are right for this machine (linux/amd64).');
    expect(row.deep?.bytesRead).toBe(0);
    expect(row.notRead).toEqual([{ platform: 'linux/arm64', digest: ARM, bytesTotal: 1000 }]);
    // The registry is asked for the other variant's size only: its manifest, no path, so no layer.
    expect(registry.calls).toEqual([{ digest: ARM, wanted: [] }]);
    expect(local.reads.every((r) => r === `linux/amd64 ${AMD}`)).toBe(true);
    expect(backend.handle({ method: 'GET', path: '/health' }).body).toMatchObject({
      engine: 'available',
      engineReason: 'Engine 28.5.2 (API 1.51) on /fake.sock',
    });
  });

  it('fails the item as local-not-in-engine when the engine lacks the variant, downloading nothing', async () => {
    const registry = fakeReader(VARIANTS);
    const local = fakeLocal(fakeReader(VARIANTS), { kind: 'not-in-engine', message: 'the engine holds no image' });
    const { item } = await run(readyEngine(local), { source: 'local' }, registry);
    expect(item?.state).toBe('failed');
    expect(item?.error?.name).toBe('local-not-in-engine');
    expect(item?.error?.message).toContain('Nothing was downloaded');
    expect(registry.calls).toEqual([]);
  });

  it('fails the item as local-unavailable when the engine stops answering mid-read', async () => {
    const registry = fakeReader(VARIANTS);
    const local = fakeLocal(fakeReader(VARIANTS), { kind: 'unavailable', message: 'connect ENOENT' });
    const { item } = await run(readyEngine(local), { source: 'local' }, registry);
    expect(item?.error).toMatchObject({ name: 'local-unavailable' });
    expect(registry.calls).toEqual([]);
  });

  it('with no engine socket: local-unavailable at once, nothing read from the registry, /health says why', async () => {
    const registry = fakeReader(VARIANTS);
    const engine = createBackendEngine({
      socket: { kind: 'none', reason: 'DOCKER_HOST=tcp://x:2375 is a tcp:// engine' },
    });
    const { item, platformChecks, backend } = await run(engine, { source: 'local' }, registry);
    expect(item?.state).toBe('failed');
    expect(item?.error?.name).toBe('local-unavailable');
    expect(item?.error?.message).toContain('tcp:// engine');
    expect(item?.error?.message).toContain('nothing was downloaded');
    expect(platformChecks).toEqual([]);
    expect(registry.calls).toEqual([]);
    expect(backend.handle({ method: 'GET', path: '/health' }).body).toMatchObject({
      engine: 'unavailable',
      engineReason: 'DOCKER_HOST=tcp://x:2375 is a tcp:// engine',
    });
  });

  it('reads a never-pushed image the engine holds from the store by its name: local-only, checked, 0 registry bytes', async () => {
    const registry = fakeReader(VARIANTS);
    const named: string[] = [];
    const local: LocalSource = {
      ...fakeLocal(fakeReader(VARIANTS)),
      readImage: async (reference, platform, wanted) => {
        named.push(`${reference.canonical} ${platform}`);
        const got = await fakeReader(VARIANTS).readVariantFiles(reference, AMD, wanted, { platform });
        return got.ok ? { ok: true, value: { ...got.value, bytesRead: 0 } } : err({ kind: 'bad-export', message: 'x' });
      },
    };
    const asked: string[] = [];
    const engine = readyEngine(local, { [REF]: { platform: { os: 'linux', architecture: 'amd64' } } }, asked);
    const { item } = await run(engine, { source: 'local' }, registry, {});
    expect(item?.state).toBe('done');
    const row = item?.result as unknown as JsonRow & { notRead: unknown };
    expect(row.verdict).toBe('local-only');
    expect(row.source).toBe('local-store');
    expect(row.deep?.status).toBe('checked');
    expect(row.deep?.bytesRead).toBe(0);
    expect(row.hostBinaries?.map((h) => [h.platform, h.state, h.source])).toEqual([['linux/amd64', 'ok', 'local']]);
    expect(asked).toEqual([REF]);
    // Its metadata, then its host binaries: each read by the name, from the store.
    expect(new Set(named)).toEqual(new Set([`${REF} linux/amd64`]));
    expect(registry.calls).toEqual([]);
  });

  it('keeps "not found" when the registry has no such image and the engine does not hold it either', async () => {
    const registry = fakeReader(VARIANTS);
    const asked: string[] = [];
    const { item } = await run(
      readyEngine(fakeLocal(fakeReader(VARIANTS)), {}, asked),
      { source: 'local' },
      registry,
      {},
    );
    const row = item?.result as unknown as JsonRow;
    expect(row.verdict).toBe('not-found');
    expect(row.deep?.status).toBe('not-checked');
    expect(asked).toEqual([REF]);
    expect(registry.calls).toEqual([]);
  });

  it('with no engine wired at all: local-unavailable', async () => {
    const registry = fakeReader(VARIANTS);
    const { item } = await run(undefined, { source: 'local' }, registry);
    expect(item?.error?.name).toBe('local-unavailable');
    expect(registry.calls).toEqual([]);
  });
});

describe('the backend deep check, source "registry"', () => {
  it('platforms ["linux/arm64"] reads only that variant, turns wrong-host-binary and lists linux/amd64 as not read', async () => {
    const registry = fakeReader(VARIANTS);
    const { item } = await run(undefined, { platforms: ['linux/arm64'] }, registry);
    const row = item?.result as unknown as JsonRow & { notRead: unknown };
    expect(row.verdict).toBe('wrong-host-binary');
    expect(row.hostBinaries?.map((h) => [h.platform, h.state, h.source])).toEqual([
      ['linux/arm64', 'wrong-cpu', 'registry'],
    ]);
    expect(row.notRead).toEqual([{ platform: 'linux/amd64', digest: AMD, bytesTotal: 1000 }]);
    expect(new Set(registry.calls.filter((c) => c.wanted.length > 0).map((c) => c.digest))).toEqual(new Set([ARM]));
  });

  it('without platforms reads every variant, as before, and lists none as not read', async () => {
    const registry = fakeReader(VARIANTS);
    const { item } = await run(undefined, {}, registry);
    const row = item?.result as unknown as JsonRow & { notRead: unknown };
    expect(row.hostBinaries?.map((h) => [h.platform, h.source])).toEqual([
      ['linux/amd64', 'registry'],
      ['linux/arm64', 'registry'],
    ]);
    expect(row.notRead).toEqual([]);
  });
});
