/**
 * Issue 4: the real `make push-extension` builds Arch Matrix's extension image for linux/amd64 and
 * linux/arm64 and pushes it to the test environment's open registry; then everything is checked
 * from the registry: the index, each platform's files, labels and OS, and that a second push of
 * the same tag is refused.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLabels, parseImageConfig, parseRawManifest, type ManifestSummary } from '../../src/core/index.js';
import { pushExtensionImage, removeLocalCopy, REPO_ROOT, type ExtensionPush } from '../env/extensionImage.js';
import { unpackImage } from '../env/registryFiles.js';
import { dockerOk } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';

const env = loadTestEnv();
const REPO = 'archmatrix/extension';
let push: ExtensionPush;
let index: ManifestSummary;
let rawIndex: string;
const unpacked: string[] = [];

beforeAll(() => {
  push = pushExtensionImage(env);
  if (push.make.status !== 0) {
    throw new Error(`make push-extension exited ${String(push.make.status)}:\n${push.make.stdout.slice(-4000)}\n${push.make.stderr.slice(-4000)}`);
  }
  rawIndex = dockerOk(env, ['buildx', 'imagetools', 'inspect', push.reference, '--raw']);
  const parsed = parseRawManifest(rawIndex);
  if (!parsed.ok) throw new Error(`the pushed tag is not a manifest Arch Matrix understands: ${parsed.error.message}`);
  index = parsed.value;
});

afterAll(() => {
  if (push !== undefined) removeLocalCopy(env, push.reference);
  for (const dir of unpacked) rmSync(dir, { recursive: true, force: true });
});

describe('make push-extension on the test environment', () => {
  it('ran the Makefile target that builds both platforms with buildx and pushes', () => {
    expect(push.make.stdout).toContain('docker buildx build --push --builder=default --platform=linux/amd64,linux/arm64');
    expect(push.make.stdout).toContain(`--tag=${push.reference}`);
  });

  it('builds the UI once on the build platform; the per-platform stage has no RUN', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM\s/m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^--platform=\$BUILDPLATFORM\s/);
    expect(stages[1]).not.toMatch(/^RUN\s/m);
    // The final stage is built for every target platform (no --platform on its FROM).
    expect(stages[1]?.split('\n')[0]).not.toContain('--platform');
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

  it.each(['linux/amd64', 'linux/arm64'])('the %s image holds metadata.json, docker.svg and the built UI', async (key) => {
    const entry = index.platforms.find((p) => p.key === key);
    expect(entry, `no ${key} entry in the index`).toBeDefined();
    if (entry === undefined) return;
    const root = await unpackImage(env.openRegistry, REPO, entry.digest);
    unpacked.push(root);
    expect(readFileSync(join(root, 'metadata.json'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'metadata.json'), 'utf8'));
    expect(readFileSync(join(root, 'docker.svg'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'docker.svg'), 'utf8'));
    const metadata = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as { ui: { 'dashboard-tab': { root: string; src: string } } };
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
  });

  it.each(['linux/amd64', 'linux/arm64'])('the %s image config says linux and carries every required label', (key) => {
    const entry = index.platforms.find((p) => p.key === key);
    expect(entry, `no ${key} entry in the index`).toBeDefined();
    if (entry === undefined) return;
    const ref = `${push.image}@${entry.digest}`;
    const config = parseImageConfig(dockerOk(env, ['buildx', 'imagetools', 'inspect', ref, '--format={{json .Image}}']));
    expect(config.ok, config.ok ? '' : config.error.message).toBe(true);
    if (!config.ok) return;
    expect(config.value.platforms).toHaveLength(1);
    expect(config.value.platforms[0]?.os).toBe('linux');
    const findings = auditLabels(config.value.labels);
    expect(findings.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(findings.map((f) => f.label)).toContain('com.docker.extension.categories');
    expect(config.value.labels?.['org.opencontainers.image.title']).toBe('Arch Matrix');
  });

  it('refuses a second push of the same tag and leaves the pushed image as it was', () => {
    const again = pushExtensionImage(env, push.tag);
    expect(again.make.status).not.toBe(0);
    expect(again.make.stderr).toContain(`${push.reference} already exists; refusing to overwrite it`);
    expect(again.make.stdout).not.toContain('docker buildx build');
    expect(dockerOk(env, ['buildx', 'imagetools', 'inspect', push.reference, '--raw'])).toBe(rawIndex);
  });
});
