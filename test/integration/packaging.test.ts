/**
 * The real `make push-extension` builds Arch Matrix's extension image for linux/amd64 and linux/arm64
 * and pushes it to the test environment's open registry; then everything is checked from the
 * registry: the index, each platform's files, labels and OS, the Node runtime of each variant (the
 * CPU of its `node` binary), the backend and its dependencies, and that a second push of the same
 * tag is refused. (packagedBackend.test.ts runs the image as a container.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLabels, identifyExecutable, parseImageConfig, type ManifestSummary } from '@core/index.js';
import { composeImages } from '@core/inside/compose.js';
import { createRegistryReader, noCredentials } from '@registry/index.js';
import { pushExtensionImage, removeLocalCopy, REPO_ROOT, type ExtensionPush } from '../env/extensionImage.js';
import { dockerOk } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';
import { elfMachine, EXTENSION_REPO, findFiles, pushExtension, variantFolders } from '../support/pushedExtension.js';

const env = loadTestEnv();
let push: ExtensionPush;
let index: ManifestSummary;
let rawIndex: string;
const folders = variantFolders(env);
const filesOf = (key: string): Promise<string> => folders.filesOf(index, key);

beforeAll(() => {
  ({ push, index, rawIndex } = pushExtension(env));
});

afterAll(async () => {
  if (push !== undefined) removeLocalCopy(env, push.reference);
  await folders.removeAll();
});

describe('make push-extension on the test environment', () => {
  it('ran the Makefile target that builds both platforms with buildx and pushes', () => {
    expect(push.make.stdout).toContain(
      'docker buildx build --push --builder=default --platform=linux/amd64,linux/arm64',
    );
    expect(push.make.stdout).toContain(`--tag=${push.reference}`);
  });

  it('builds the UI and the backend once on the build platform; the per-platform stage is a Node runtime with no RUN', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM\s/m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1) ?? '';
    for (const stage of stages.slice(0, -1)) expect(stage).toMatch(/^--platform=\$BUILDPLATFORM\s/);
    // The final stage is built for every target platform (no --platform on its FROM), from Node.
    expect(final.split('\n')[0]).toBe('node:22-alpine');
    expect(final).not.toMatch(/^RUN\s/m);
    expect(final).toMatch(/^CMD \["node", "\/backend\/dist\/backend\/main\.js"\]$/m);
  });

  it('pushed an OCI index of linux/amd64 and linux/arm64, attestations recognised as such', () => {
    expect(index.kind).toBe('oci-index');
    expect(index.platforms.map((p) => p.key).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    // buildx's default provenance: one attestation manifest per platform, never counted as a platform.
    expect(index.attestations).toHaveLength(2);
    const platformDigests = index.platforms.map((p) => p.digest).sort();
    expect(index.attestations.map((a) => a.referenceType)).toEqual(['attestation-manifest', 'attestation-manifest']);
    expect(index.attestations.map((a) => a.describes).sort()).toEqual(platformDigests);
  });

  it.each(['linux/amd64', 'linux/arm64'])(
    'the %s image holds metadata.json, docker.svg and the built UI',
    async (key) => {
      const root = await filesOf(key);
      expect(readFileSync(join(root, 'metadata.json'), 'utf8')).toBe(
        readFileSync(join(REPO_ROOT, 'metadata.json'), 'utf8'),
      );
      expect(readFileSync(join(root, 'docker.svg'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'docker.svg'), 'utf8'));
      const metadata = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as {
        ui: { 'dashboard-tab': { root: string; src: string } };
      };
      const tab = metadata.ui['dashboard-tab'];
      const html = readFileSync(join(root, tab.root, tab.src), 'utf8');
      expect(html).toContain('<div id="root"></div>');
      // Docker Desktop loads the tab from files: every script the page names is there, by a relative path.
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        expect(src.startsWith('./'), `${src} is not relative`).toBe(true);
        expect(readFileSync(join(root, tab.root, src), 'utf8').length).toBeGreaterThan(1000);
      }
    },
  );

  it.each(['linux/amd64', 'linux/arm64'])(
    'the %s image declares the backend: a compose file running the image itself, on archmatrix.sock, with the engine socket',
    async (key) => {
      const root = await filesOf(key);
      const metadata = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as { vm?: unknown };
      expect(metadata.vm).toEqual({ composefile: 'docker-compose.yaml', exposes: { socket: 'archmatrix.sock' } });
      const compose = readFileSync(join(root, 'docker-compose.yaml'), 'utf8');
      expect(compose).toBe(readFileSync(join(REPO_ROOT, 'docker-compose.yaml'), 'utf8'));
      const services = composeImages(compose);
      expect(services.ok && services.value).toEqual([
        { service: 'archmatrix-backend', kind: 'self', image: '${DESKTOP_PLUGIN_IMAGE}' },
      ]);
      // The VM engine's socket, read-only, where Docker Desktop mounts it, and the backend told where it is.
      expect(compose).toMatch(/^ {6}- \/var\/run\/docker\.sock\.raw:\/var\/run\/docker\.sock\.raw:ro$/m);
      expect(compose).toMatch(/^ {6}- ARCHMATRIX_ENGINE_SOCKET=\/var\/run\/docker\.sock\.raw$/m);
    },
  );

  it.each([
    ['linux/amd64', 'x86_64'],
    ['linux/arm64', 'aarch64'],
  ])('the %s image runs a Node built for %s', async (key, cpu) => {
    const root = await filesOf(key);
    expect(elfMachine(join(root, 'usr/local/bin/node'))).toBe(cpu);
  });

  it.each([
    ['linux/amd64', 'x86_64'],
    ['linux/arm64', 'arm64'],
  ])("the project's own registry reader and executable check see the %s variant's node as %s", async (key, cpu) => {
    const entry = index.platforms.find((p) => p.key === key);
    expect(entry, `no ${key} entry in the index`).toBeDefined();
    const reader = createRegistryReader({ credentials: noCredentials });
    const read = await reader.readVariantFiles(
      { domain: env.openRegistry, path: EXTENSION_REPO },
      entry?.digest ?? '',
      ['/usr/local/bin/node'],
      { platform: key },
    );
    if (!read.ok) throw new Error(`reading ${key}: ${read.error.message}`);
    const node = read.value.files.get('/usr/local/bin/node');
    expect(node?.kind).toBe('file');
    const info = node?.kind === 'file' ? identifyExecutable(node.head, '/usr/local/bin/node') : undefined;
    expect(info?.format).toBe('elf');
    expect(info?.cpus).toEqual([cpu]);
  });

  it.each(['linux/amd64', 'linux/arm64'])(
    'the %s image holds the compiled backend and its production dependencies, pure JavaScript',
    async (key) => {
      const root = await filesOf(key);
      expect(existsSync(join(root, 'backend/dist/backend/main.js'))).toBe(true);
      expect(existsSync(join(root, 'backend/dist/core/reference.js'))).toBe(true);
      expect(JSON.parse(readFileSync(join(root, 'backend/package.json'), 'utf8'))).toMatchObject({
        name: 'arch-matrix',
        type: 'module',
      });
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      for (const dep of Object.keys(pkg.dependencies))
        expect(existsSync(join(root, 'backend/node_modules', dep, 'package.json')), dep).toBe(true);
      // Installed once on the build platform: a native addon would carry the build platform's CPU into every variant.
      expect(findFiles(join(root, 'backend/node_modules'), '.node')).toEqual([]);
      // Production only: no build tool or UI library in the image.
      for (const dev of ['typescript', 'vite', 'react', 'vitest'])
        expect(existsSync(join(root, 'backend/node_modules', dev)), dev).toBe(false);
    },
  );

  it.each(['linux/amd64', 'linux/arm64'])('the %s image config says linux and carries every required label', (key) => {
    const entry = index.platforms.find((p) => p.key === key);
    expect(entry, `no ${key} entry in the index`).toBeDefined();
    if (entry === undefined) return;
    const ref = `${push.image}@${entry.digest}`;
    const config = parseImageConfig(
      dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--format={{json .Image}}']),
    );
    expect(config.ok, config.ok ? '' : config.error.message).toBe(true);
    if (!config.ok) return;
    expect(config.value.platforms).toHaveLength(1);
    expect(config.value.platforms[0]?.os).toBe('linux');
    const findings = auditLabels(config.value.labels);
    expect(findings.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(findings.map((f) => f.label)).toContain('com.docker.extension.categories');
    expect(config.value.labels?.['org.opencontainers.image.title']).toBe('Arch Matrix');
  });

  it.each(['linux/amd64', 'linux/arm64'])('the %s image starts the backend with node', (key) => {
    const entry = index.platforms.find((p) => p.key === key);
    if (entry === undefined) throw new Error(`no ${key} entry in the index`);
    const config = JSON.parse(
      dockerOk(env, ['buildx', 'imagetools', 'inspect', `${push.image}@${entry.digest}`, '--format={{json .Image}}']),
    ) as {
      config?: { Cmd?: string[] };
    };
    expect(config.config?.Cmd).toEqual(['node', '/backend/dist/backend/main.js']);
  });

  it('refuses a second push of the same tag and leaves the pushed image as it was', () => {
    const again = pushExtensionImage(env, push.tag);
    expect(again.make.status).not.toBe(0);
    expect(again.make.stderr).toContain(`${push.reference} already exists; refusing to overwrite it`);
    expect(again.make.stdout).not.toContain('docker buildx build');
    expect(dockerOk(env, ['buildx', 'imagetools', 'inspect', push.reference, '--raw'])).toBe(rawIndex);
  });
});
