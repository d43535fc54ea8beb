/**
 * Browser-mode server hardening: no symlink leads out of the served folders, a per-client
 * cap on commands in flight, and HTTP timeouts for clients that trickle their request.
 */
import { rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOutput, ExecPort, ExecRequest } from '@commands/execPort.js';
import { HTTP_LIMITS } from '@server/config.js';
import { clientOf } from '@server/execRoute.js';
import { startServer, type RunningServer } from '@server/server.js';
import type { ErrorReply } from '@wire/errors.js';
import { readFileWithin } from '@server/staticRoute.js';
import { postExec, send } from '../../support/httpClient.js';
import { servedFolders } from '../../support/servedFolders.js';

const { root, uiDir, standinDir } = servedFolders('archmatrix-hardening-');
// Links the server must not follow out of its folders, and one inside that it may.
symlinkSync(join(root, 'secret.txt'), join(uiDir, 'assets', 'leak.txt'));
symlinkSync(root, join(uiDir, 'up'));
symlinkSync(join(root, 'secret.txt'), join(standinDir, 'leak.js'));
symlinkSync(join(uiDir, 'assets', 'app.js'), join(uiDir, 'assets', 'alias.js'));

const CLIENT_HEADER = 'x-archmatrix-client';
const releases: (() => void)[] = [];
let behaviour: (request: ExecRequest) => Promise<ExecOutput> = async () => ({
  stdout: 'ok\n',
  stderr: '',
  exitCode: 0,
});
const calls: ExecRequest[] = [];
const exec: ExecPort = (request) => {
  calls.push(request);
  return behaviour(request);
};
const held = (): Promise<ExecOutput> =>
  new Promise((resolve) => releases.push(() => resolve({ stdout: '', stderr: '', exitCode: 0 })));
const isAllowed = (args: readonly string[]): boolean => args[0] === 'version' || args[0] === 'slow';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    uiDir,
    standinDir,
    extensionImage: '',
    exec,
    isAllowed,
    maxRunning: 4,
    maxRunningPerClient: 2,
    limits: { headersTimeoutMs: 300, requestTimeoutMs: 500, checkIntervalMs: 50 },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  for (const release of releases.splice(0)) release();
  calls.length = 0;
  behaviour = async () => ({ stdout: 'ok\n', stderr: '', exitCode: 0 });
});

const until = (done: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const check = (): void => (done() ? resolve() : void setTimeout(check, 5));
    check();
  });
const code = (body: string): string => (JSON.parse(body) as ErrorReply).name;

describe('static files and symlinks', () => {
  it.each(['/assets/leak.txt', '/up/secret.txt', '/__archmatrix/standin/leak.js'])(
    'refuses %s: its real file is outside the folder',
    async (path) => {
      const res = await send(server.port, { path });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the UI folder');
    },
  );

  it('follows a link that stays inside the folder', async () => {
    const res = await send(server.port, { path: '/assets/alias.js' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log("app");');
  });

  it('readFileWithin compares real paths, the folder itself resolved too', async () => {
    expect(await readFileWithin(join(uiDir, 'assets', 'leak.txt'), uiDir)).toBeUndefined();
    expect(await readFileWithin(join(uiDir, 'up', 'secret.txt'), uiDir)).toBeUndefined();
    expect(
      (await readFileWithin(join(uiDir, 'up', 'ui', 'assets', 'app.js'), join(uiDir, 'up', 'ui')))?.toString(),
    ).toBe('console.log("app");');
    expect(await readFileWithin(join(uiDir, 'assets'), uiDir)).toBeUndefined();
    expect(await readFileWithin(join(uiDir, 'missing.js'), uiDir)).toBeUndefined();
  });
});

describe('commands in flight per client', () => {
  const slow = (client?: string) =>
    postExec(
      server.port,
      server.key,
      { args: ['slow'], form: 'stream' },
      client === undefined ? {} : { [CLIENT_HEADER]: client },
    );

  it('one page cannot hold every slot: its third command gets 429, another page still runs', async () => {
    behaviour = held;
    const first = slow('page-aaaaaaaa');
    const second = slow('page-aaaaaaaa');
    await until(() => calls.length === 2);
    const third = await slow('page-aaaaaaaa');
    expect(third.status).toBe(429);
    expect(code(third.body)).toBe('busy');
    const other = slow('page-bbbbbbbb');
    await until(() => calls.length === 3);
    for (const release of releases.splice(0)) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await other).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it('frees the slot when a command ends', async () => {
    behaviour = held;
    const first = slow('page-cccccccc');
    const second = slow('page-cccccccc');
    await until(() => calls.length === 2);
    for (const release of releases.splice(0)) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    behaviour = async () => ({ stdout: 'ok\n', stderr: '', exitCode: 0 });
    expect((await slow('page-cccccccc')).status).toBe(200);
  });

  it('without a well-formed page id the caller is its address', () => {
    const socket = { remoteAddress: '127.0.0.1' } as const;
    expect(clientOf({ headers: { [CLIENT_HEADER]: 'page-aaaaaaaa' }, socket } as never)).toBe('page:page-aaaaaaaa');
    expect(clientOf({ headers: {}, socket } as never)).toBe('address:127.0.0.1');
    expect(clientOf({ headers: { [CLIENT_HEADER]: 'x' }, socket } as never)).toBe('address:127.0.0.1');
    expect(clientOf({ headers: { [CLIENT_HEADER]: 'a b\u202ecccccccc' }, socket } as never)).toBe('address:127.0.0.1');
  });
});

describe('HTTP timeouts', () => {
  it('the defaults are 10 s for headers and 15 s for the whole request', async () => {
    const plain = await startServer({ port: 0, uiDir, standinDir, extensionImage: '', exec, isAllowed });
    await plain.close();
    expect(plain.limits).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000 });
    expect(HTTP_LIMITS.headersTimeoutMs).toBeLessThan(HTTP_LIMITS.requestTimeoutMs);
  });

  it('cuts off a client that never finishes its headers (408)', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a command that runs longer than the request timeout still answers', async () => {
    behaviour = () =>
      new Promise((resolve) => setTimeout(() => resolve({ stdout: 'late\n', stderr: '', exitCode: 0 }), 900));
    const res = await postExec(server.port, server.key, { args: ['version'], form: 'stream' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ stdout: 'late\n' });
  });
});
