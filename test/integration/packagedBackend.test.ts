/**
 * Arch Matrix's extension image, pushed by the real `make push-extension`, runs as a container on
 * the test engine as Docker Desktop runs its vm.image (the test may run containers; the product never
 * does): the backend answers on the mounted socket, runs the deep check, and stops cleanly. With the
 * test engine's socket mounted where Docker Desktop mounts it (the compose file's
 * /var/run/docker.sock.raw), it reads this machine's variant from the engine's local image store.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeLocalCopy, REPO_ROOT, type ExtensionPush } from '../env/extensionImage.js';
import { docker, dockerOk } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusReference } from '../support/corpus.js';
import { pushExtension } from '../support/pushedExtension.js';
import { callSocket } from '../support/socketClient.js';

const env = loadTestEnv();
let push: ExtensionPush;

beforeAll(() => {
  ({ push } = pushExtension(env));
});

afterAll(() => {
  if (push !== undefined) removeLocalCopy(env, push.reference);
});

describe('make push-extension on the test environment', () => {
  it('runs as a container (amd64): the backend answers on the mounted socket and stops cleanly on SIGTERM', async () => {
    const guest = mkdtempSync(join(tmpdir(), 'archmatrix-guest-services-'));
    const name = `archmatrix-backend-${push.tag}`;
    try {
      // As Docker Desktop runs vm.image: /run/guest-services mounted; no network at all (none is needed).
      dockerOk(env, [
        'run',
        '--detach',
        `--name=${name}`,
        '--network=none',
        '--platform=linux/amd64',
        `--volume=${guest}:/run/guest-services`,
        push.reference,
      ]);
      const sock = join(guest, 'archmatrix.sock');
      for (let i = 0; i < 150 && !existsSync(sock); i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(sock), `no socket after 30 s; container log:\n${docker(env, ['logs', name]).stderr}`).toBe(
        true,
      );

      const health = await callSocket(sock, { path: '/health' });
      expect(health.status).toBe(200);
      const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
        .version;
      expect(health.json).toMatchObject({
        status: 'ok',
        service: 'archmatrix-backend',
        version,
        arch: 'x64',
        deepCheck: 'available',
      });

      const hostile = await callSocket(sock, { method: 'POST', path: '/deep', body: { references: ['x; reboot'] } });
      expect(hostile.status).toBe(400);
      expect(hostile.json).toMatchObject({ statusCode: 400, name: 'invalid-reference' });
      // The deep check is wired: a valid reference becomes a job. The container has no network
      // (--network=none), so the registry cannot be reached and the row says so, without a crash.
      const deep = await callSocket(sock, { method: 'POST', path: '/deep', body: { references: [push.reference] } });
      expect(deep.status).toBe(202);
      const job = deep.json as { id: string };
      let item: { state?: string; result?: { verdict?: string } } = {};
      for (let i = 0; i < 150; i += 1) {
        const polled = (await callSocket(sock, { path: `/deep/${job.id}` })).json as {
          state: string;
          items: (typeof item)[];
        };
        item = polled.items[0] ?? {};
        if (polled.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(item.state).toBe('done');
      expect(item.result?.verdict).toBe('unreachable');

      dockerOk(env, ['stop', '--time=10', name]);
      expect(dockerOk(env, ['inspect', '--format={{.State.ExitCode}}', name]).trim()).toBe('0');
      expect(existsSync(sock)).toBe(false);
    } finally {
      docker(env, ['rm', '--force', name]);
      rmSync(guest, { recursive: true, force: true });
    }
  });

  it('with the engine socket mounted at /var/run/docker.sock.raw (as the compose file asks), reads the local store', async () => {
    const guest = mkdtempSync(join(tmpdir(), 'archmatrix-guest-services-'));
    const name = `archmatrix-backend-local-${push.tag}`;
    try {
      // As docker-compose.yaml runs it: the engine's socket read-only at /var/run/docker.sock.raw, named by
      // ARCHMATRIX_ENGINE_SOCKET. The host network reaches the loopback registry for the index (a few KB).
      dockerOk(env, [
        'run',
        '--detach',
        `--name=${name}`,
        '--network=host',
        '--platform=linux/amd64',
        `--volume=${guest}:/run/guest-services`,
        `--volume=${join(env.dir, 'docker.sock')}:/var/run/docker.sock.raw:ro`,
        '--env=ARCHMATRIX_ENGINE_SOCKET=/var/run/docker.sock.raw',
        push.reference,
      ]);
      const sock = join(guest, 'archmatrix.sock');
      for (let i = 0; i < 150 && !existsSync(sock); i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(sock), `no socket after 30 s; container log:\n${docker(env, ['logs', name]).stderr}`).toBe(
        true,
      );
      const reference = corpusReference(env.openRegistry, 'good');
      const deep = await callSocket(sock, {
        method: 'POST',
        path: '/deep',
        body: { references: [reference], source: 'local' },
      });
      expect(deep.status).toBe(202);
      const job = deep.json as { id: string };
      type Item = {
        state?: string;
        error?: unknown;
        result?: {
          verdict?: string;
          deep?: { bytesRead?: number; variants?: string[] };
          hostBinaries?: { platform: string; state: string; source: string }[];
          notRead?: { platform: string; bytesTotal: number | null }[];
        };
      };
      let item: Item = {};
      for (let i = 0; i < 300; i += 1) {
        const polled = (await callSocket(sock, { path: `/deep/${job.id}` })).json as { state: string; items: Item[] };
        item = polled.items[0] ?? {};
        if (polled.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(item.state, JSON.stringify(item.error)).toBe('done');
      expect(item.result?.deep?.variants).toEqual(['linux/amd64']);
      expect(item.result?.deep?.bytesRead).toBe(0);
      expect(item.result?.hostBinaries?.map((h) => `${h.platform} ${h.state} ${h.source}`)).toEqual([
        'linux/amd64 ok local',
        'linux/amd64 ok local',
        'linux/amd64 ok local',
      ]);
      expect(item.result?.notRead?.map((n) => n.platform)).toEqual(['linux/arm64']);
      expect(item.result?.notRead?.[0]?.bytesTotal).toBeGreaterThan(0);
      const health = await callSocket(sock, { path: '/health' });
      expect(health.json).toMatchObject({ engine: 'available' });
      expect((health.json as { engineReason?: string }).engineReason).toContain('on /var/run/docker.sock.raw');
      dockerOk(env, ['stop', '--time=10', name]);
      expect(dockerOk(env, ['inspect', '--format={{.State.ExitCode}}', name]).trim()).toBe('0');
    } finally {
      docker(env, ['rm', '--force', name]);
      rmSync(guest, { recursive: true, force: true });
    }
  });
});
