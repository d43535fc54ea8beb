/**
 * The test environment is really up (test/env/testenv up): registries answer as documented, the
 * engine and buildx answer, the corpus is in the registries and the engine. Every other
 * integration test relies on this; when it fails, look here first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImageConfig, parseRawManifest } from '@core/index.js';
import { REPO_ROOT } from '../env/extensionImage.js';
import { docker, dockerOk, run } from '../env/run.js';
import { authRegistryBasicAuth, loadTestEnv } from '../env/testEnv.js';
import { corpusReference, ENGINE_CORPUS, OPEN_CORPUS, sorted } from '../support/corpus.js';
import { ACCEPT } from '../support/registryManifests.js';

const env = loadTestEnv();
const testenv = (args: readonly string[]) =>
  run('bash', [join(REPO_ROOT, 'test', 'env', 'testenv'), ...args], { env: { ...process.env, TESTENV_DIR: env.dir } });
const basicAuth = authRegistryBasicAuth(env);

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
