/**
 * The test environment's second engine (test/env/lib/engine28.sh): Engine 28 from Debian sid, the one
 * Docker Desktop users have, with the classic image store, beside the first engine and on the same
 * registries, holding the same installed corpus.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../env/extensionImage.js';
import { dockerOk, run } from '../env/run.js';
import { loadTestEngine28, loadTestEnv } from '../env/testEnv.js';
import { corpusReference, ENGINE_CORPUS } from '../support/corpus.js';

const env = loadTestEnv();
const engine28 = loadTestEngine28(env);
const testenv = (args: readonly string[]) =>
  run('bash', [join(REPO_ROOT, 'test', 'env', 'testenv'), ...args], { env: { ...process.env, TESTENV_DIR: env.dir } });
const LABEL = '--filter=label=com.docker.desktop.extension.api.version';

/** The registry digest of a tag on the open registry (what a pull resolves to). */
async function registryDigest(reference: string): Promise<string> {
  const [repo = '', tag = ''] = reference.slice(env.openRegistry.length + 1).split(':');
  const res = await fetch(`http://${env.openRegistry}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  });
  return res.headers.get('docker-content-digest') ?? '';
}

describe('the second engine (Engine 28, classic image store)', () => {
  it('is announced by testenv env and status', () => {
    expect(testenv(['env']).stdout).toContain(`export TESTENV_ENGINE28_HOST=${engine28.host}`);
    const status = testenv(['status']);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/dockerd 28 {5}unix:\/\/\S+docker28\.sock {2}pid \d+ {2}engine 28\.5\.2/);
  });

  it('is Engine 28.5.2 with API 1.51 and the classic store, beside the first engine', () => {
    const server = JSON.parse(dockerOk(engine28, ['version', '--format', '{{json .Server}}'])) as {
      Version: string;
      ApiVersion: string;
    };
    expect(server.Version).toMatch(/^28\.5\.2/);
    expect(server.ApiVersion).toBe('1.51');
    expect(dockerOk(engine28, ['info', '--format', '{{.Driver}}']).trim()).toBe('overlay2');
    expect(dockerOk(engine28, ['info', '--format', '{{json .DriverStatus}}'])).not.toContain(
      'io.containerd.snapshotter',
    );
    expect(dockerOk(env, ['version', '--format', '{{.Server.APIVersion}}']).trim()).toBe('1.45');
    expect(engine28.host).not.toBe(env.env.DOCKER_HOST);
  });

  it('holds the same installed corpus as the first engine', () => {
    const tags = (cli: typeof env | typeof engine28): string[] =>
      dockerOk(cli, ['image', 'ls', LABEL, '--format', '{{.Repository}}:{{.Tag}}']).trim().split('\n').sort();
    expect(tags(engine28)).toEqual(tags(env));
    expect(tags(engine28)).toContain(env.localOnly);
  });

  it.each(ENGINE_CORPUS.map((image) => [image.name] as const))(
    'pulled corpus/%s by its registry digest',
    async (name) => {
      const reference = corpusReference(env.openRegistry, name);
      const digests = JSON.parse(
        dockerOk(engine28, ['image', 'inspect', '--format', '{{json .RepoDigests}}', reference]),
      );
      expect(digests).toContain(`${reference.replace(/:[^:]*$/, '')}@${await registryDigest(reference)}`);
    },
  );
});
