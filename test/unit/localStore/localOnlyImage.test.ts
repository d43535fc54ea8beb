/**
 * A never-pushed image read from the local store by its name (LocalSource.readImage): found by its tag,
 * exported by the engine's image ID, its variant found in what that ID is: its own index (containerd
 * store), its config's docker-archive entry (classic store, both forms).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReference, type ImageReference, type Result, type VariantFiles } from '@core/index.js';
import { createEngineClient } from '@engine/index.js';
import { createLocalSource, localVariantReader, type LocalFailure, type LocalSource } from '@localStore/index.js';
import { dockerArchive, ociExport } from '../../support/fakeExports.js';
import { startFakeEngine, storeHandler, type StoredImage } from '../../support/fakeEngine.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const NAME = '127.0.0.1:5100/fake/image:1.0.0';
const V51 = Buffer.from('{"Version":"28.5.2","ApiVersion":"1.51","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}');
const METADATA = '{"host":{"binaries":[{"darwin":[{"path":"/darwin/tool"}]}]}}';
const LAYERS = [[{ name: 'metadata.json', data: METADATA }], [{ name: 'darwin/tool', data: 'MACHO' }]];
const WANTED = [{ path: '/metadata.json', maxBytes: 65536 }, '/darwin/tool'];

function ref(text: string): ImageReference {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new Error(`test setup: ${text}`);
  return parsed.value;
}

async function store(
  images: readonly StoredImage[],
  exports: Map<string, Uint8Array>,
): Promise<{ source: LocalSource; requests: { path: string }[] }> {
  const engine = await startFakeEngine(storeHandler({ version: V51, images, exports }));
  const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-only-test-'));
  const source = createLocalSource({ engine: createEngineClient({ socketPath: engine.socketPath }), spoolBase: base });
  cleanup.push(
    () => engine.close(),
    () => source.close(),
    () => rm(base, { recursive: true, force: true }),
  );
  return { source, requests: engine.requests };
}

function texts(r: Result<VariantFiles, LocalFailure>): string[] {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return [...r.value.files.values()].map((f) => (f.kind === 'file' ? Buffer.from(f.head).toString('latin1') : f.kind));
}

describe('a never-pushed image, by name', () => {
  it("containerd store: the image's ID is its own index; its platform's manifest names the layers", async () => {
    const built = await ociExport({ layers: LAYERS });
    const { source } = await store(
      [{ Id: built.indexDigest, RepoTags: [NAME] }],
      new Map([[built.indexDigest, built.tar]]),
    );
    const got = await source.readImage(ref(NAME), 'linux/amd64', WANTED);
    expect(texts(got)).toEqual([METADATA, 'MACHO']);
    expect(got.ok && got.value).toMatchObject({ digest: built.indexDigest, bytesRead: 0 });
  });

  it("containerd store: an index without this machine's platform is not-in-engine", async () => {
    const built = await ociExport({ layers: LAYERS, platform: { os: 'linux', architecture: 'arm64' } });
    const { source } = await store(
      [{ Id: built.indexDigest, RepoTags: [NAME] }],
      new Map([[built.indexDigest, built.tar]]),
    );
    const got = await source.readImage(ref(NAME), 'linux/amd64', WANTED);
    expect(got.ok ? 'ok' : got.error.kind).toBe('not-in-engine');
  });

  it.each([false, true])('classic store (legacy form: %s): the ID is its config', async (legacy) => {
    const built = await dockerArchive({ layers: LAYERS, legacy });
    const { source } = await store(
      [{ Id: built.configDigest, RepoTags: [NAME] }],
      new Map([[built.configDigest, built.tar]]),
    );
    expect(texts(await source.readImage(ref(NAME), 'linux/amd64', WANTED))).toEqual([METADATA, 'MACHO']);
  });

  it('classic store: an image of another platform is not-in-engine', async () => {
    const built = await dockerArchive({ layers: LAYERS, platform: { os: 'linux', architecture: 'arm64' } });
    const { source } = await store(
      [{ Id: built.configDigest, RepoTags: [NAME] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const got = await source.readImage(ref(NAME), 'linux/amd64', WANTED);
    expect(got.ok ? 'ok' : got.error).toEqual({
      kind: 'not-in-engine',
      message: 'the engine holds linux/arm64 of this image, not linux/amd64',
    });
  });

  it('another tag or repository is not the image: nothing is exported', async () => {
    const built = await dockerArchive({ layers: LAYERS });
    const { source, requests } = await store(
      [{ Id: built.configDigest, RepoTags: ['127.0.0.1:5100/fake/image:2.0.0', '127.0.0.1:5100/other/image:1.0.0'] }],
      new Map([[built.configDigest, built.tar]]),
    );
    const got = await source.readImage(ref(NAME), 'linux/amd64', WANTED);
    expect(got.ok ? 'ok' : got.error).toEqual({
      kind: 'not-in-engine',
      message: `the engine holds no image named ${NAME}`,
    });
    expect(requests.filter((r) => r.path.includes('/get'))).toEqual([]);
  });

  it("the deep check's port reads it by the reference as listed", async () => {
    const built = await ociExport({ layers: LAYERS });
    const { source } = await store(
      [{ Id: built.indexDigest, RepoTags: [NAME] }],
      new Map([[built.indexDigest, built.tar]]),
    );
    const reader = localVariantReader(source);
    expect(texts(await reader.readNamed(NAME, WANTED, { platform: 'linux/amd64' }))).toEqual([METADATA, 'MACHO']);
    const bad = await reader.readNamed('NOT A REFERENCE', WANTED, { platform: 'linux/amd64' });
    expect(bad.ok ? 'ok' : bad.error.kind).toBe('not-in-engine');
  });
});
