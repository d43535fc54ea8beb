/**
 * vm.service in browser mode, end to end in one process: the tab's port (createVmServicePort) ->
 * the stand-in's vm.service (fetch) -> the browser-mode server's /api/vm route -> Arch Matrix's
 * backend, in-process or on a real Unix socket (then stopped and restarted, as a backend restart).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import type { DeepCheck } from '@backend/deepCheckPort.js';
import { createBackend, type Backend } from '@backend/app.js';
import { startServer, type RunningServer, type ServerOptions } from '@server/server.js';
import { createVmService } from '@server/standin/vmService.js';
import { inProcessRelay, socketRelay } from '@server/vmRelay.js';
import { createVmServicePort } from '@ui/features/deepCheck/backendClient/vmServicePort.js';
import { servedFolders } from '../../support/servedFolders.js';

const { root, uiDir, standinDir } = servedFolders('archmatrix-vm-');
const sock = join(root, 'archmatrix.sock');

const INFO = { version: '9.9.9', node: process.version, arch: process.arch };
/** A deep check that answers at once with a small JSON row (the real one is src/deepCheck's orchestration). */
const deepCheck: DeepCheck = (reference, context) => {
  context.onProgress({ bytesRead: 10, bytesTotal: 20 });
  return Promise.resolve({ reference: reference.canonical, verdict: 'ready' });
};
const exec = () => Promise.resolve({ stdout: '', stderr: '', exitCode: 0 });

/** A browser-mode server that runs no command, relaying vm.service as `options` say. */
const serve = (options: Pick<ServerOptions, 'vm' | 'log'>): Promise<RunningServer> =>
  startServer({ port: 0, uiDir, standinDir, extensionImage: '', exec, isAllowed: () => false, ...options });

let inProcess: RunningServer;
let proxied: RunningServer;
let local: Backend;

const service = (server: RunningServer, key: string | undefined = server.key): v1.HttpService =>
  createVmService((input, init) => fetch(`${server.origin}${input}`, init), key);
const client = (http: v1.HttpService | undefined): v1.DockerDesktopClient =>
  ({
    extension: { image: '', ...(http === undefined ? {} : { vm: { cli: { exec: () => undefined }, service: http } }) },
  }) as unknown as v1.DockerDesktopClient;

beforeAll(async () => {
  local = createBackend({ deepCheck, info: INFO, sweepEveryMs: 0 });
  inProcess = await serve({
    vm: inProcessRelay(local.handle),
  });
  proxied = await serve({
    vm: socketRelay(sock, 2_000),
  });
});
afterAll(async () => {
  await Promise.all([inProcess.close(), proxied.close(), local.close()]);
  rmSync(root, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never done');
}

describe('the stand-in vm.service, as a real host', () => {
  it('resolves a 2xx to the parsed JSON body', async () => {
    await expect(service(inProcess).get('/health')).resolves.toMatchObject({
      status: 'ok',
      service: 'archmatrix-backend',
      version: '9.9.9',
      deepCheck: 'available',
    });
  });

  it('rejects a non-2xx with {statusCode, name, message} where message is the raw body text', async () => {
    const rejection: unknown = await service(inProcess)
      .post('/deep', { references: ['UPPER CASE;rm -rf /'] })
      .catch((reason: unknown) => reason);
    expect(rejection).toMatchObject({ statusCode: 400, name: 'invalid-reference' });
    const body = JSON.parse((rejection as { message: string }).message) as { reasons: { index: number }[] };
    expect(body.reasons[0]?.index).toBe(0);
  });

  it('is refused without the key (401), like every other browser-mode request', async () => {
    await expect(service(inProcess, 'not-the-key-of-this-server').get('/health')).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it("answers its own refusals under /api/vm in the backend's shape {statusCode, name, message}", async () => {
    const rejection: unknown = await service(inProcess, 'not-the-key-of-this-server')
      .get('/health')
      .catch((reason: unknown) => reason);
    expect(rejection).toMatchObject({ statusCode: 401, name: 'unauthorized' });
    expect(JSON.parse((rejection as { message: string }).message)).toEqual({
      statusCode: 401,
      name: 'unauthorized',
      message: expect.stringContaining('wrong key') as unknown,
    });
  });

  it('relays only the methods the backend serves: PUT, PATCH and HEAD are a 405 in the backend shape, never relayed', async () => {
    const relayed: string[] = [];
    const recording = await serve({
      vm: (request) => {
        relayed.push(request.method);
        return Promise.resolve({ status: 200, body: '{}' });
      },
    });
    try {
      await expect(service(recording).put('/deep', { references: ['a/b:1'] })).rejects.toMatchObject({
        statusCode: 405,
        name: 'method-not-allowed',
      });
      await expect(service(recording).patch('/deep', {})).rejects.toMatchObject({
        statusCode: 405,
        name: 'method-not-allowed',
      });
      await expect(service(recording).head('/health')).rejects.toMatchObject({ statusCode: 405 });
      await expect(service(recording).get('/health')).resolves.toEqual({});
      expect(relayed).toEqual(['GET']);
    } finally {
      await recording.close();
    }
  });

  it('refuses a path that is not a backend path before relaying it', async () => {
    await expect(service(inProcess).get('/deep/%00x')).rejects.toMatchObject({ statusCode: 400, name: 'bad-request' });
    // The URL is normalised first: this is /api/etc/passwd, which is nothing.
    await expect(service(inProcess).get('/deep/../../etc/passwd')).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("the tab's backend port through the stand-in", () => {
  it('starts a job, polls it to done with progress and result, and cancels', async () => {
    const port = createVmServicePort(client(service(inProcess)));
    const started = await port.startDeep(['127.0.0.1:5100/deep/wrong-host-binary:1.0.0']);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const done = await until(
      () => port.pollDeep(started.value.id),
      (a) => a.ok && a.value.state === 'done',
    );
    expect(done.ok && done.value.items[0]).toMatchObject({
      state: 'done',
      progress: { bytesRead: 10, bytesTotal: 20 },
      result: { verdict: 'ready' },
    });
    const cancelled = await port.cancelDeep(started.value.id);
    expect(cancelled.ok).toBe(true);
  });

  it("shows the server's refusal of a stale key as its readable message, not the raw JSON", async () => {
    const answer = await createVmServicePort(client(service(inProcess, 'a-key-from-an-earlier-start'))).startDeep([
      'a/b:1',
    ]);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ kind: 'error', statusCode: 401 });
    expect(answer.error.message).toMatch(/^Missing or wrong key: open the URL that `npm start` printed/);
  });

  it('tells the terminal, once, that the backend socket is dead, and how to start it', async () => {
    const lines: string[] = [];
    const deadSock = join(root, 'nobody.sock');
    const dead = await serve({
      vm: socketRelay(deadSock, 2_000),
      log: (line) => lines.push(line),
    });
    try {
      const port = createVmServicePort(client(service(dead)));
      const first = await port.startDeep(['a/b:1']);
      await port.startDeep(['c/d:1']);
      expect(first.ok ? 'ok' : first.error.kind).toBe('down');
      expect(first.ok ? '' : first.error.message).toContain(
        `ARCHMATRIX_BACKEND_SOCKET=${deadSock} node dist/node/backend/main.js`,
      );
      const logged = lines.filter((line) => line.includes('the backend answered 503'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(`on ${deadSock} is not running: start it with`);
    } finally {
      await dead.close();
    }
  });

  it('says "no-backend" for a host without vm.service', async () => {
    const answer = await createVmServicePort(client(undefined)).startDeep(['a/b:1']);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ kind: 'no-backend' }) as unknown });
  });

  it('says "down" while no backend listens on the socket, then recovers after a (re)start; a lost job is "job-lost"', async () => {
    const port = createVmServicePort(client(service(proxied)));
    const before = await port.startDeep(['a/b:1']);
    expect(before.ok ? 'ok' : before.error.kind).toBe('down');

    let backend = createBackend({ deepCheck, info: INFO, sweepEveryMs: 0 });
    await backend.listen(sock);
    const started = await port.startDeep(['a/b:1']);
    expect(started.ok).toBe(true);
    await backend.close();

    backend = createBackend({ deepCheck, info: INFO, sweepEveryMs: 0 });
    await backend.listen(sock);
    try {
      const lost = started.ok ? await port.pollDeep(started.value.id) : undefined;
      expect(lost?.ok === false && lost.error.kind).toBe('job-lost');
      const again = await port.startDeep(['a/b:1']);
      expect(again.ok).toBe(true);
    } finally {
      await backend.close();
    }
  });
});
