/**
 * The deep check's local source on the test environment's two real engines: Engine 26.1.5 (containerd
 * image store, API 1.45) and Engine 28.5.2 (classic image store, API 1.51). For every image of the
 * installed corpus, the deep check reads the variant the engine holds from the engine's export, and its
 * host-binary states equal the registry path's for that variant, with no layer GET to any registry.
 * Every Engine API call made is recorded and is on the allowlist; nothing is left in the spool folder.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReference, type DeepCheckResult, type HostBinaryFinding, type PlatformKey } from '@core/index.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import type { PlatformCheck, VariantFileReader } from '@deepCheck/ports.js';
import { createEngineClient, isAllowedEngineRequest, type EngineRequestRecord } from '@engine/index.js';
import { createLocalSource, localVariantReader, spoolRoot, type LocalVariantReader } from '@localStore/index.js';
import { createRegistryReader, noCredentials, registryPlatformCheck } from '@registry/index.js';
import { loadTestEngine28, loadTestEnv } from '../env/testEnv.js';
import { corpusReference, ENGINE_CORPUS, type CorpusName } from '../support/corpus.js';

const env = loadTestEnv();
const engine28 = loadTestEngine28(env);
const ENGINES = [
  { engine: '26.1.5 (containerd image store, API 1.45)', socketPath: join(env.dir, 'docker.sock') },
  { engine: '28.5.2 (classic image store, API 1.51)', socketPath: engine28.socketPath },
] as const;

/** The platform each installed corpus image was pulled for (arm64-only-attested was pulled with --platform). */
const HELD: Record<string, PlatformKey> = { 'arm64-only-attested': 'linux/arm64' };
const heldPlatform = (name: CorpusName): PlatformKey => HELD[name] ?? 'linux/amd64';

/** Registry requests, counted through the fetch the platform check and the registry reader are given. */
interface Counted {
  readonly urls: string[];
  readonly fetch: (input: URL, init: RequestInit) => Promise<Response>;
}
function counting(): Counted {
  const urls: string[] = [];
  return { urls, fetch: (input, init) => (urls.push(`${init.method ?? 'GET'} ${input.pathname}`), fetch(input, init)) };
}
const blobGets = (c: Counted): string[] => c.urls.filter((u) => /^GET \/v2\/.+\/blobs\//.test(u));

/** The platform check, telling the local reader which index each variant is listed in. */
function noting(check: PlatformCheck, reader: LocalVariantReader): PlatformCheck {
  return async (reference, signal) => {
    const result = await check(reference, signal);
    const parsed = parseReference(reference);
    const index = result.manifest?.digest;
    if (parsed.ok && index !== undefined) {
      const variants = [index, ...(result.manifest?.platforms.map((p) => p.digest) ?? [])];
      reader.noteIndex({ domain: parsed.value.domain, path: parsed.value.path }, index, variants);
    }
    return result;
  };
}

/** A reader that reads one platform only (this machine's) and refuses the others, as a "local only" check. */
function onlyPlatform(reader: VariantFileReader, platform: PlatformKey): VariantFileReader {
  return {
    readVariantFiles: (repo, digest, wanted, options) =>
      options.platform === platform
        ? reader.readVariantFiles(repo, digest, wanted, options)
        : Promise.resolve({ ok: false, error: { kind: 'not-found', message: `${options.platform} is not read here` } }),
  };
}

const statesOf = (result: DeepCheckResult, platform: PlatformKey): string[] =>
  result.deep.hostBinaries
    .filter((f: HostBinaryFinding) => f.platform === platform)
    .map((f) => `${f.os} ${f.path} ${f.state} ${f.found ?? '-'}`)
    .sort();

const bases: string[] = [];
afterAll(async () => {
  await Promise.all(bases.map((b) => rm(b, { recursive: true, force: true })));
});

describe.each(ENGINES)('the local source on Engine $engine', ({ socketPath }) => {
  it.each(ENGINE_CORPUS.map((image) => [image.name] as const))(
    'corpus/%s: the variant the engine holds, read from its export, judged as the registry path judges it',
    async (name) => {
      const reference = corpusReference(env.openRegistry, name);
      const platform = heldPlatform(name);
      const base = await mkdtemp(join(tmpdir(), 'archmatrix-local-it-'));
      bases.push(base);
      const records: EngineRequestRecord[] = [];
      const source = createLocalSource({
        engine: createEngineClient({ socketPath, onRequest: (r) => records.push(r) }),
        spoolBase: base,
      });
      const reader = localVariantReader(source);

      const viaRegistry = counting();
      const registry = await deepCheck(reference, {
        platformCheck: registryPlatformCheck({ credentials: noCredentials, fetch: viaRegistry.fetch }),
        reader: onlyPlatform(createRegistryReader({ credentials: noCredentials, fetch: viaRegistry.fetch }), platform),
        site: 'cli',
      });
      const viaLocal = counting();
      const local = await deepCheck(reference, {
        platformCheck: noting(registryPlatformCheck({ credentials: noCredentials, fetch: viaLocal.fetch }), reader),
        reader: onlyPlatform(reader, platform),
        site: 'cli',
      });

      expect(local.deep.variants, name).toEqual([platform]);
      expect(local.deep.variants).toEqual(registry.deep.variants);
      expect(statesOf(local, platform), name).toEqual(statesOf(registry, platform));
      expect(local.deep.verdict).toBe(registry.deep.verdict);
      expect(local.deep.bytesRead).toBe(0);
      expect(blobGets(viaRegistry).length, 'the registry path reads layers').toBeGreaterThan(0);
      // The local path: no layer GET; a single manifest's config blob is all the platform check reads.
      const configs = name === 'amd64-only' ? 1 : 0;
      expect(blobGets(viaLocal), name).toHaveLength(configs);
      // One export per image: the second pass (the listed files) reads the kept spool.
      expect(source.stats.exports).toBe(1);
      expect(records.length).toBeGreaterThan(0);
      expect(records.filter((r) => !isAllowedEngineRequest(r.method, r.path))).toEqual([]);
      await source.close();
      expect(await readdir(spoolRoot(base))).toEqual([]);
    },
  );

  it('good and wrong-host-binary have host binaries, all right for this machine', async () => {
    const source = createLocalSource({ engine: createEngineClient({ socketPath }) });
    const reader = localVariantReader(source);
    const check = noting(registryPlatformCheck({ credentials: noCredentials }), reader);
    for (const name of ['good', 'wrong-host-binary'] as const) {
      const result = await deepCheck(corpusReference(env.openRegistry, name), {
        platformCheck: check,
        reader: onlyPlatform(reader, 'linux/amd64'),
        site: 'cli',
      });
      expect(statesOf(result, 'linux/amd64'), name).toEqual([
        'darwin /darwin/esbuild ok x86_64',
        'linux /linux/esbuild ok x86_64',
        'windows /windows/esbuild.exe ok x86_64',
      ]);
    }
    await source.close();
  });
});
