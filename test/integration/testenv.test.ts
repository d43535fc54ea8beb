/**
 * The test environment is really up (test/env/testenv up): registries answer as documented, the
 * engine and buildx answer, the corpus is in the registries and the engine. Every other
 * integration test relies on this; when it fails, look here first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImageConfig, parseRawManifest } from '@core/index.js';
import {
  backendImagesOf,
  composeImages,
  decideDeepOutcome,
  judgeHostBinaries,
  parseExtensionMetadata,
  type ExtensionMetadata,
  type FoundFile,
  type HostBinaryFinding,
  type VariantFiles,
} from '@core/inside/index.js';
import { REPO_ROOT } from '../env/extensionImage.js';
import { unpackImage } from '../env/registryFiles.js';
import { docker, dockerOk, run } from '../env/run.js';
import { authRegistryBasicAuth, loadTestEnv } from '../env/testEnv.js';
import {
  DEEP_BIG_BASE_REPOSITORY,
  DEEP_TAG,
  DEEP_VARIANTS,
  deepCorpus,
  type DeepCorpusImage,
  type DeepVariant,
} from '../support/deepCorpus.js';
import { corpusReference, ENGINE_CORPUS, OPEN_CORPUS, sorted } from '../support/corpus.js';

const env = loadTestEnv();
const testenv = (args: readonly string[]) =>
  run('bash', [join(REPO_ROOT, 'test', 'env', 'testenv'), ...args], { env: { ...process.env, TESTENV_DIR: env.dir } });
const basicAuth = authRegistryBasicAuth(env);
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** What `testenv seed` builds on the open registry: kind, platform keys (from the config for a single manifest), attestations. */
const CORPUS = OPEN_CORPUS.map(
  (image) => [image.name, image.kind, sorted(image.platforms), image.attestations] as const,
);

describe('the test environment', () => {
  it('reports everything up (testenv status)', () => {
    const out = testenv(['status']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`registry open  http://${env.openRegistry}`);
    expect(out.stdout).toContain(`registry auth  http://${env.authRegistry}`);
    expect(out.stdout).toContain(`closed port    ${env.closedRegistry} (nothing listens)`);
  });

  it('has an open registry, a login-only registry and a closed port', async () => {
    expect((await fetch(`http://${env.openRegistry}/v2/`)).status).toBe(200);
    const anonymous = await fetch(`http://${env.authRegistry}/v2/`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await fetch(`http://${env.authRegistry}/v2/`, { headers: { Authorization: basicAuth } })).status).toBe(200);
    await expect(fetch(`http://${env.closedRegistry}/v2/`)).rejects.toThrow();
  });

  it('has its own engine and buildx, with the containerd image store', () => {
    expect(env.env.DOCKER_HOST).toBe(`unix://${env.dir}/docker.sock`);
    expect(dockerOk(env, ['version', '--format', '{{.Server.Version}}']).trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(dockerOk(env, ['buildx', 'version'])).toMatch(/github\.com\/docker\/buildx \d+\.\d+\.\d+/);
    expect(dockerOk(env, ['info', '--format', '{{json .DriverStatus}}'])).toContain('io.containerd.snapshotter');
  });

  it.each(CORPUS)('serves corpus/%s as a %s of %j with %i attestations', (name, kind, platforms, attestations) => {
    const ref = `${env.openRegistry}/corpus/${name}:1.0.0`;
    const manifest = parseRawManifest(dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--raw']));
    expect(manifest.ok, manifest.ok ? '' : manifest.error.message).toBe(true);
    if (!manifest.ok) return;
    expect(manifest.value.kind).toBe(kind);
    expect(manifest.value.attestations).toHaveLength(attestations);
    if (manifest.value.needsConfig) {
      const config = parseImageConfig(
        dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--format={{json .Image}}']),
      );
      expect(config.ok && config.value.platforms.map((p) => `${p.os}/${p.architecture}`)).toEqual(platforms);
    } else {
      expect(manifest.value.platforms.map((p) => p.key).sort()).toEqual(platforms);
    }
  });

  it('serves private/good only after login, byte for byte the same as corpus/good', async () => {
    const ref = `${env.authRegistry}/private/good:1.0.0`;
    const denied = docker(env, ['buildx', 'imagetools', 'inspect', ref, '--raw']);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('no basic auth credentials');
    const res = await fetch(`http://${env.authRegistry}/v2/private/good/manifests/1.0.0`, {
      headers: { Authorization: basicAuth, Accept: ACCEPT },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      dockerOk(env, ['buildx', 'imagetools', 'inspect', `${env.openRegistry}/corpus/good:1.0.0`, '--raw']),
    );
  });

  it('holds the pulled corpus and the never-pushed local image in the engine, not in the registry it names', async () => {
    const listed = dockerOk(env, [
      'image',
      'ls',
      '--filter',
      'label=com.docker.desktop.extension.api.version',
      '--format',
      '{{.Repository}}:{{.Tag}}',
    ]);
    const names = listed.trim().split('\n');
    for (const image of ENGINE_CORPUS) expect(names).toContain(corpusReference(env.openRegistry, image.name));
    expect(env.localOnly.startsWith(`${env.openRegistry}/`)).toBe(true);
    expect(names).toContain(env.localOnly);
    const local = JSON.parse(dockerOk(env, ['image', 'inspect', env.localOnly])) as {
      Os: string;
      Architecture: string;
    }[];
    expect(local.map((i) => `${i.Os}/${i.Architecture}`)).toEqual(['linux/amd64']);
    const pushed = await fetch(`http://${env.openRegistry}/v2/local/dev-extension/manifests/latest`, {
      headers: { Accept: ACCEPT },
    });
    expect(pushed.status).toBe(404);
  });

  it('has the two-platform Node stand-in image for node:22-alpine (testenv node-image)', () => {
    const out = testenv(['node-image']);
    expect(out.status, out.stderr).toBe(0);
    const ref = out.stdout.trim();
    expect(ref.startsWith(`${env.openRegistry}/testenv/node:`)).toBe(true);
    const config = parseImageConfig(
      dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--format={{json .Image}}']),
    );
    expect(config.ok && config.value.platforms.map((p) => `${p.os}/${p.architecture}`).sort()).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
  });
});

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: { readonly os: string; readonly architecture: string };
}
interface Manifest {
  readonly mediaType: string;
  readonly manifests?: readonly Descriptor[];
  readonly layers?: readonly Descriptor[];
}

/** A manifest of a test registry, as JSON (the login-only one with the test user). */
async function registryManifest(registry: string, repo: string, ref: string): Promise<Manifest> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (registry === env.authRegistry) headers.Authorization = basicAuth;
  const res = await fetch(`http://${registry}/v2/${repo}/manifests/${ref}`, { headers });
  if (!res.ok) throw new Error(`GET ${registry}/${repo}/manifests/${ref}: HTTP ${res.status}`);
  return (await res.json()) as Manifest;
}

function variantDigest(index: Manifest, variant: DeepVariant): string {
  const [os, architecture] = variant.split('/');
  const found = (index.manifests ?? []).filter(
    (m) => m.platform?.os === os && m.platform?.architecture === architecture,
  );
  expect(found, `${variant} in the index`).toHaveLength(1);
  return found[0]?.digest ?? '';
}

/** What `file` (libmagic, an oracle independent of src/core/inside) says a host binary is, in the deep corpus's words. */
function foundByFile(path: string): string {
  if (lstatSync(path).isDirectory()) return 'directory';
  const out = run('file', ['-b', path], { env: process.env });
  expect(out.status, out.stderr).toBe(0);
  const text = out.stdout;
  if (/^Mach-O universal binary with 2 architectures: \[x86_64/.test(text) && text.includes('arm64'))
    return 'universal(x86_64,arm64)';
  const macho = /^Mach-O 64-bit (x86_64|arm64) /.exec(text);
  if (macho) return macho[1] ?? '';
  if (/^(ELF 64-bit LSB|PE32\+ executable)/.test(text)) {
    if (/x86-64/.test(text)) return 'x86_64';
    if (/aarch64/i.test(text)) return 'arm64';
  }
  if (/script|text/.test(text)) return 'script';
  return `unexpected: ${text.trim()}`;
}

/** The paths /metadata.json lists per OS. */
function listedPaths(metadata: unknown): string[] {
  const binaries = (metadata as { host?: { binaries?: Record<string, { path: string }[]>[] } }).host?.binaries ?? [];
  return binaries.flatMap((entry) => Object.entries(entry).flatMap(([os, list]) => list.map((b) => `${os}:${b.path}`)));
}

describe('the deep corpus (issue 7)', () => {
  const corpus = deepCorpus(env);
  const roots = new Map<string, string>();
  const rootOf = (image: DeepCorpusImage, variant: DeepVariant) => roots.get(`${image.key} ${variant}`) ?? '';

  beforeAll(async () => {
    for (const image of corpus) {
      const registry = image.registry === 'open' ? env.openRegistry : env.authRegistry;
      const index = await registryManifest(registry, image.repository, DEEP_TAG);
      for (const variant of DEEP_VARIANTS) {
        const auth = image.registry === 'auth' ? basicAuth : undefined;
        roots.set(
          `${image.key} ${variant}`,
          await unpackImage(registry, image.repository, variantDigest(index, variant), auth),
        );
      }
    }
  });
  afterAll(() => {
    for (const root of roots.values()) rmSync(root, { recursive: true, force: true });
  });

  it('describes every deep-<folder> of the corpus, and one copy on the login-only registry', () => {
    expect(new Set(corpus.map((i) => i.key)).size).toBe(corpus.length);
    expect(corpus.filter((i) => i.registry === 'auth').map((i) => i.name)).toEqual(['darwin-x64-both']);
    const folders = run('ls', [join(REPO_ROOT, 'test', 'env', 'corpus')], { env: process.env })
      .stdout.split('\n')
      .filter((f) => f.startsWith('deep-'));
    expect(folders.filter((f) => f !== 'deep-template').sort()).toEqual(
      [...new Set(corpus.map((i) => `deep-${i.folder}`))].sort(),
    );
  });

  it.each(corpus.filter((i) => i.registry === 'open').map((i) => [i.reference, i] as const))(
    'imagetools inspect: %s is an OCI index of linux/amd64 + linux/arm64 with its attestations',
    (ref, image) => {
      const manifest = parseRawManifest(dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--raw']));
      expect(manifest.ok, manifest.ok ? '' : manifest.error.message).toBe(true);
      if (!manifest.ok) return;
      expect(manifest.value.kind).toBe('oci-index');
      expect(manifest.value.platforms.map((p) => p.key).sort()).toEqual([...DEEP_VARIANTS]);
      expect(manifest.value.attestations).toHaveLength(image.attestations);
    },
  );

  it('serves the private copy only after login, with the same index as the open one', async () => {
    const [priv] = corpus.filter((i) => i.registry === 'auth');
    expect(priv).toBeDefined();
    if (priv === undefined) return;
    const denied = docker(env, ['buildx', 'imagetools', 'inspect', priv.reference, '--raw']);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('no basic auth credentials');
    const copy = await registryManifest(env.authRegistry, priv.repository, DEEP_TAG);
    expect(copy).toEqual(await registryManifest(env.openRegistry, priv.repository, DEEP_TAG));
  });

  it.each(corpus.map((i) => [i.key, i] as const))(
    '%s: every layer of both variants is tar+%s as described',
    async (_key, image) => {
      const registry = image.registry === 'open' ? env.openRegistry : env.authRegistry;
      const index = await registryManifest(registry, image.repository, DEEP_TAG);
      for (const variant of DEEP_VARIANTS) {
        const manifest = await registryManifest(registry, image.repository, variantDigest(index, variant));
        const types = new Set((manifest.layers ?? []).map((l) => l.mediaType));
        expect([...types]).toEqual([`application/vnd.oci.image.layer.v1.tar+${image.layerCompression}`]);
      }
    },
  );

  it("puts a ~30 MiB incompressible base layer at the bottom of deep/big-base, the base image's own layer", async () => {
    const [image] = corpus.filter((i) => i.bigBottomLayerBytes !== undefined);
    expect(image?.name).toBe('big-base');
    if (image === undefined) return;
    const base = await registryManifest(env.openRegistry, DEEP_BIG_BASE_REPOSITORY, '1.0.0');
    const index = await registryManifest(env.openRegistry, image.repository, DEEP_TAG);
    for (const variant of DEEP_VARIANTS) {
      const baseLayers =
        (await registryManifest(env.openRegistry, DEEP_BIG_BASE_REPOSITORY, variantDigest(base, variant))).layers ?? [];
      const layers =
        (await registryManifest(env.openRegistry, image.repository, variantDigest(index, variant))).layers ?? [];
      expect(baseLayers).toHaveLength(1);
      expect(layers[0]?.digest).toBe(baseLayers[0]?.digest);
      // gzip cannot shrink random bytes: the compressed layer is at least the file's size.
      expect(layers[0]?.size ?? 0).toBeGreaterThanOrEqual(image.bigBottomLayerBytes ?? Infinity);
      expect(layers.length).toBeGreaterThan(1);
      const big = lstatSync(join(rootOf(image, variant), 'opt', 'big-base', 'big.bin'));
      expect(big.size).toBe(image.bigBottomLayerBytes);
    }
  });

  it.each(corpus.map((i) => [i.key, i] as const))('%s: each variant holds what the description says', (_key, image) => {
    for (const variant of DEEP_VARIANTS) {
      const root = rootOf(image, variant);
      expect(existsSync(join(root, 'ui', 'index.html')), `${variant}: /ui/index.html`).toBe(true);
      const metadataFile = join(root, 'metadata.json');
      if (image.metadata === 'absent') {
        expect(existsSync(metadataFile), `${variant}: no /metadata.json`).toBe(false);
      } else if (image.metadata === 'not-json') {
        expect(
          () => JSON.parse(readFileSync(metadataFile, 'utf8')) as unknown,
          `${variant}: /metadata.json is not JSON`,
        ).toThrow(SyntaxError);
      } else {
        const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as unknown;
        // metadata.json lists exactly the described paths: not those inside a listed directory, plus the bad ones.
        const folders = image.hostBinaries.filter((b) => b.found === 'directory').map((b) => `${b.path}/`);
        const listed = new Set([
          ...image.hostBinaries
            .filter((b) => !folders.some((f) => b.path.startsWith(f)))
            .map((b) => `${b.os}:${b.path}`),
          ...image.badPaths.map((b) => `${b.os}:${b.path}`),
        ]);
        expect(listedPaths(metadata).sort(), variant).toEqual([...listed].sort());
        const vm = (metadata as { vm?: { image?: string; composefile?: string } }).vm;
        const backend = image.backend.map((b) => `${b.source} ${b.self ? '${DESKTOP_PLUGIN_IMAGE}' : b.reference}`);
        if (vm?.composefile !== undefined) {
          const compose = readFileSync(join(root, vm.composefile), 'utf8');
          const services = [...compose.matchAll(/^ {2}(\S+):\n {4}image: (\S+)$/gm)].map(
            (m) => `compose:${m[1] ?? ''} ${m[2] ?? ''}`,
          );
          expect(services).toEqual(backend);
        } else {
          expect(vm?.image === undefined ? [] : [`vm.image ${vm.image}`]).toEqual(backend);
        }
      }
      const bad = new Set(image.badPaths.map((b) => b.path));
      for (const binary of image.hostBinaries.filter((b) => b.platform === variant && !bad.has(b.path))) {
        const path = join(root, binary.path);
        const what = `${variant} ${binary.path}`;
        if (binary.state === 'missing') {
          expect(existsSync(path), `${what} is absent`).toBe(false);
        } else if (binary.state === 'unreadable') {
          expect(lstatSync(path).isSymbolicLink(), `${what} is a symlink`).toBe(true);
        } else {
          expect(foundByFile(path), what).toBe(binary.found);
        }
      }
    }
  });

  it("whites out /darwin/esbuild and the lower /linux content in deep/whiteout's top layer, above real files", async () => {
    const index = await registryManifest(env.openRegistry, 'deep/whiteout', DEEP_TAG);
    for (const variant of DEEP_VARIANTS) {
      const layers =
        (await registryManifest(env.openRegistry, 'deep/whiteout', variantDigest(index, variant))).layers ?? [];
      const listing = async (layer: Descriptor | undefined) => {
        const blob = Buffer.from(
          await (await fetch(`http://${env.openRegistry}/v2/deep/whiteout/blobs/${layer?.digest ?? ''}`)).arrayBuffer(),
        );
        const out = spawnTar(blob);
        return out
          .split('\n')
          .filter(Boolean)
          .map((p) => p.replace(/^\.\//, ''))
          .sort();
      };
      expect(await listing(layers.at(-1))).toEqual([
        'darwin/',
        'darwin/.wh.esbuild',
        'linux/',
        'linux/.wh..wh..opq',
        'linux/esbuild',
      ]);
      expect(await listing(layers.at(-2))).toEqual(
        expect.arrayContaining(['darwin/esbuild', 'linux/esbuild', 'linux/esbuild-helper']),
      );
    }
  });

  // The core's rules (src/core/inside), fed with the files of the real variants, agree with the description.
  it.each(corpus.map((i) => [i.key, i] as const))(
    '%s: src/core/inside judges the real variants as described',
    (_key, image) => {
      if (image.metadata !== 'ok') {
        for (const variant of DEEP_VARIANTS) {
          const file = join(rootOf(image, variant), 'metadata.json');
          const parsed = parseExtensionMetadata(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
          expect(parsed.ok, variant).toBe(false);
        }
        expect(image.verdict).toBe('ready');
        return;
      }
      const metadataPerVariant = new Map<string, ExtensionMetadata>();
      const filesPerVariant = new Map<string, VariantFiles>();
      for (const variant of DEEP_VARIANTS) {
        const root = rootOf(image, variant);
        const metadata = parseExtensionMetadata(readFileSync(join(root, 'metadata.json'), 'utf8'));
        expect(metadata.ok, variant).toBe(true);
        if (!metadata.ok) return;
        metadataPerVariant.set(variant, metadata.value);
        const files = new Map(metadata.value.hostBinaries.map((b) => [b.path, foundFile(root, b.path)] as const));
        filesPerVariant.set(variant, { platform: variant, digest: '', files, bytesRead: 0, bytesTotal: 0 });
        const composefile = metadata.value.vm?.composefile;
        const compose =
          composefile === undefined ? undefined : composeImages(readFileSync(join(root, composefile), 'utf8'));
        if (compose !== undefined) expect(compose.ok, variant).toBe(true);
        const backends = backendImagesOf(metadata.value, compose?.ok === true ? compose.value : []);
        expect(backends.map((b) => `${b.source} ${b.self} ${b.self ? '' : b.reference}`)).toEqual(
          image.backend.map((b) => `${b.source} ${b.self} ${b.self ? '' : b.reference}`),
        );
      }
      const findings = judgeHostBinaries(metadataPerVariant, filesPerVariant);
      const key = (f: Pick<HostBinaryFinding, 'os' | 'platform' | 'path' | 'state' | 'found' | 'warningOnly'>) =>
        `${f.platform} ${f.os} ${f.path} ${f.state} ${f.found ?? '-'}${f.warningOnly ? ' warning' : ''}`;
      expect(findings.map(key).sort()).toEqual(image.hostBinaries.map(key).sort());
      const backends = image.backend.map((b) => ({ ...b, message: '' }));
      expect(decideDeepOutcome(findings, backends).verdict ?? 'ready').toBe(image.verdict);
    },
  );

  it('leaves no deep image in the engine (registry only)', () => {
    const repos = dockerOk(env, ['image', 'ls', '--format', '{{.Repository}}']).split('\n');
    expect(repos.filter((r) => r.includes('/deep/') || r.endsWith(DEEP_BIG_BASE_REPOSITORY))).toEqual([]);
    expect(repos.length).toBeGreaterThan(1);
  });
});

/** What the registry reader would report for PATH of an unpacked variant (the head: first 4 KiB). */
function foundFile(root: string, path: string): FoundFile {
  const full = join(root, path);
  if (!existsSync(full) && !isLink(full)) return { kind: 'missing', path, whitedOut: false };
  const stat = lstatSync(full);
  if (stat.isSymbolicLink()) return { kind: 'symlink', path, target: readlinkSync(full) };
  if (stat.isDirectory())
    return { kind: 'directory', path, entries: readdirSync(full).map((name) => foundFile(root, `${path}/${name}`)) };
  if (!stat.isFile()) return { kind: 'other', path, type: 'special file' };
  return {
    kind: 'file',
    path,
    size: stat.size,
    mode: stat.mode & 0o7777,
    head: new Uint8Array(readFileSync(full).subarray(0, 4096)),
  };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The member names of a (gzip) layer blob, by `tar -tz`. */
function spawnTar(blob: Buffer): string {
  const out = spawnSync('tar', ['-tzf', '-'], { input: blob, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}
