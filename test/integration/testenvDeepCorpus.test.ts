/**
 * The deep corpus in the test environment's registries: one image per deep-<folder> (and a copy on the
 * login-only registry), OCI indexes of linux/amd64 + linux/arm64 with their attestations, layers
 * compressed as described, the whiteouts of deep/whiteout, and none of it in the engine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawManifest } from '@core/index.js';
import { REPO_ROOT } from '../env/extensionImage.js';
import { docker, dockerOk, run } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';
import { DEEP_BIG_BASE_REPOSITORY, DEEP_TAG, DEEP_VARIANTS, deepCorpus } from '../support/deepCorpus.js';
import { manifestReader, variantDigest, type Descriptor } from '../support/registryManifests.js';

const env = loadTestEnv();
const registryManifest = manifestReader(env);

describe('the deep corpus', () => {
  const corpus = deepCorpus(env);

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

  it('leaves no deep image in the engine (registry only)', () => {
    const repos = dockerOk(env, ['image', 'ls', '--format', '{{.Repository}}']).split('\n');
    expect(repos.filter((r) => r.includes('/deep/') || r.endsWith(DEEP_BIG_BASE_REPOSITORY))).toEqual([]);
    expect(repos.length).toBeGreaterThan(1);
  });
});

/** The member names of a (gzip) layer blob, by `tar -tz`. */
function spawnTar(blob: Buffer): string {
  const out = spawnSync('tar', ['-tzf', '-'], { input: blob, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}
