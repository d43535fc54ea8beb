/**
 * The registry reader against the REAL registries of the test environment: the open one (5100) and the
 * login-only one (5101, credentials from a temporary DOCKER_CONFIG written by a real `docker login`).
 * The index comes from the registry as imagetools would give it; the reader reads each variant's files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerConfigCredentials } from '@adapters/dockerCredentials.js';
import { parseRawManifest } from '@core/index.js';
import type { FoundFile } from '@core/inside/types.js';
import type { PlatformEntry } from '@core/types.js';
import { createRegistryReader, noCredentials, type Repository } from '@registry/index.js';
import { MANIFEST_ACCEPT } from '@registry/registryClient.js';
import { loadTestEnv } from '../env/testEnv.js';
import { loggedInConfig, type LoggedInConfig } from '../support/loggedInConfig.js';

const env = loadTestEnv();
const WRONG: Repository = { domain: env.openRegistry, path: 'corpus/wrong-host-binary' };
const PRIVATE: Repository = { domain: env.authRegistry, path: 'private/good' };
const METADATA = { path: '/metadata.json', maxBytes: 1024 * 1024 };

/** The index's runnable entries, read the way `imagetools inspect --raw` gives them. */
async function variants(repo: Repository, authorization?: string): Promise<Map<string, PlatformEntry>> {
  const res = await fetch(`http://${repo.domain}/v2/${repo.path}/manifests/1.0.0`, {
    headers: { Accept: MANIFEST_ACCEPT, ...(authorization ? { Authorization: authorization } : {}) },
  });
  expect(res.status).toBe(200);
  const summary = parseRawManifest(await res.text());
  if (!summary.ok) throw new Error(summary.error.message);
  return new Map(summary.value.platforms.map((p) => [p.key, p]));
}

function digestOf(map: Map<string, PlatformEntry>, key: string): string {
  const entry = map.get(key);
  if (!entry) throw new Error(`no ${key} variant`);
  return entry.digest;
}

const hex = (f: FoundFile | undefined, n: number): string =>
  f?.kind === 'file' ? Buffer.from(f.head.subarray(0, n)).toString('hex') : `<${f?.kind ?? 'absent'}>`;

describe('registry reader on the real open registry', () => {
  it('reads each variant of wrong-host-binary: metadata.json, then the listed host binaries', async () => {
    const reader = createRegistryReader({ credentials: noCredentials });
    const index = await variants(WRONG);
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const digest = digestOf(index, platform);
      const step1 = await reader.readVariantFiles(WRONG, digest, [METADATA], { platform });
      if (!step1.ok) throw new Error(step1.error.message);
      const meta = step1.value.files.get('/metadata.json');
      expect(meta?.kind).toBe('file');
      const doc = JSON.parse(meta?.kind === 'file' ? new TextDecoder().decode(meta.head) : 'null') as {
        host: { binaries: { darwin?: { path: string }[] }[] };
      };
      expect(doc.host.binaries[0]?.darwin?.[0]?.path).toBe('/darwin/esbuild');
      expect(meta?.kind === 'file' ? meta.head.byteLength : -1).toBe(meta?.kind === 'file' ? meta.size : -2);

      const step2 = await reader.readVariantFiles(WRONG, digest, ['/darwin/esbuild', '/linux/esbuild'], { platform });
      if (!step2.ok) throw new Error(step2.error.message);
      const darwin = step2.value.files.get('/darwin/esbuild');
      // Mach-O 64, cputype 0x01000007 (x86_64): the wrong binary, in BOTH variants.
      expect(hex(darwin, 8)).toBe('cffaedfe07000001');
      expect(darwin?.kind === 'file' ? darwin.head.byteLength : 0).toBe(4096);
      expect(darwin?.kind === 'file' ? darwin.size : 0).toBeGreaterThan(1_000_000);
      const linux = step2.value.files.get('/linux/esbuild');
      // ELF e_machine at 0x12: 0x3e x86_64 in amd64, 0xb7 aarch64 in arm64.
      expect(hex(linux, 4)).toBe('7f454c46');
      const machine = linux?.kind === 'file' ? (linux.head[0x12] ?? 0) : 0;
      expect(machine).toBe(platform === 'linux/amd64' ? 0x3e : 0xb7);
      expect(step2.value.bytesRead).toBeLessThanOrEqual(step2.value.bytesTotal);
    }
    // One manifest GET per variant, however many steps.
    expect(reader.stats.manifestGets).toBe(2);
  });

  it('a second pass over the same image in one process downloads no blob and no manifest', async () => {
    const reader = createRegistryReader({ credentials: noCredentials });
    const digest = digestOf(await variants(WRONG), 'linux/arm64');
    const wanted = [METADATA, '/darwin/esbuild', '/windows/esbuild.exe'];
    const first = await reader.readVariantFiles(WRONG, digest, wanted, { platform: 'linux/arm64' });
    const after = { ...reader.stats };
    const second = await reader.readVariantFiles(WRONG, digest, wanted, { platform: 'linux/arm64' });
    if (!first.ok || !second.ok) throw new Error('read failed');
    expect(after.blobGets).toBeGreaterThan(0);
    expect(reader.stats).toEqual(after);
    expect(second.value.bytesRead).toBe(0);
    // The page's pattern: no Windows binary in the arm64 variant.
    expect(second.value.files.get('/windows/esbuild.exe')).toEqual({
      kind: 'missing',
      path: '/windows/esbuild.exe',
      whitedOut: false,
    });
    expect(hex(second.value.files.get('/darwin/esbuild'), 8)).toBe(hex(first.value.files.get('/darwin/esbuild'), 8));
  });

  it('reads stopped mid-layer continue where they stopped: every byte of the image is downloaded at most once', async () => {
    const reader = createRegistryReader({ credentials: noCredentials });
    const digest = digestOf(await variants(WRONG), 'linux/amd64');
    let total = 0;
    for (const wanted of [
      [METADATA],
      ['/darwin/esbuild', '/windows/esbuild.exe'],
      ['/linux/esbuild'],
      ['/not/in/the/image'],
      ['/not/in/the/image'],
    ]) {
      const r = await reader.readVariantFiles(WRONG, digest, wanted, { platform: 'linux/amd64', deadlineMs: 60_000 });
      if (!r.ok) throw new Error(r.error.message);
      total = r.value.bytesTotal;
      for (const f of r.value.files.values()) expect(f.kind === 'unreadable' ? f.reason : 'read').toBe('read');
    }
    expect(reader.stats.bytesDownloaded).toBeLessThanOrEqual(total);
    expect(reader.stats.manifestGets).toBe(1);
  });

  it('a registry nobody listens on is unreachable', async () => {
    const reader = createRegistryReader({ credentials: noCredentials });
    const r = await reader.readVariantFiles(
      { domain: env.closedRegistry, path: 'corpus/good' },
      `sha256:${'0'.repeat(64)}`,
      [METADATA],
      { platform: 'linux/amd64' },
    );
    expect(r.ok ? 'ok' : r.error.kind).toBe('unreachable');
  });
});

describe('registry reader on the real login-only registry', () => {
  let login: LoggedInConfig | undefined;
  let index: Map<string, PlatformEntry>;
  beforeAll(async () => {
    login = loggedInConfig(env);
    index = await variants(PRIVATE, `Basic ${Buffer.from(`${env.authUser}:${env.authPassword}`).toString('base64')}`);
  });
  afterAll(() => login?.remove());

  it('uses the stored docker login from DOCKER_CONFIG', async () => {
    const credentials = dockerConfigCredentials({ configDir: login?.dir ?? '', env: login?.env ?? {} });
    const reader = createRegistryReader({ credentials });
    const r = await reader.readVariantFiles(PRIVATE, digestOf(index, 'linux/arm64'), [METADATA], {
      platform: 'linux/arm64',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.files.get('/metadata.json')?.kind).toBe('file');
  });

  it('without a login it is unauthorized and names the registry (the deep layer says what to run)', async () => {
    const reader = createRegistryReader({ credentials: noCredentials });
    const r = await reader.readVariantFiles(PRIVATE, digestOf(index, 'linux/amd64'), [METADATA], {
      platform: 'linux/amd64',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('unauthorized');
    expect(r.error.message).toContain(env.authRegistry);
  });
});
