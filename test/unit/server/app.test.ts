import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExecPort, ExecRequest } from '@commands/execPort.js';
import { COMMAND_TIMEOUT_MS } from '@server/config.js';
import { startServer, type RunningServer } from '@server/server.js';
import type { ErrorReply } from '@wire/errors.js';
import { postExec, send } from '../../support/httpClient.js';
import { servedFolders } from '../../support/servedFolders.js';

// A stand-in UI folder: the shape vite writes (index.html with a module script, an asset), made up for this test.
const { root, uiDir, standinDir } = servedFolders(
  'archmatrix-app-',
  '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
);

const calls: ExecRequest[] = [];
let behaviour: (request: ExecRequest) => Promise<Awaited<ReturnType<ExecPort>>> = async () => ({
  stdout: 'ok\n',
  stderr: '',
  exitCode: 0,
});
const exec: ExecPort = (request) => {
  calls.push(request);
  return behaviour(request);
};
/** A small allowlist for routing tests; the real one is exercised by the integration test. */
const isAllowed = (args: readonly string[]): boolean =>
  args[0] === 'version' || (args[0] === 'slow' && args.length === 1);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    uiDir,
    standinDir,
    extensionImage: 'archmatrix/extension:dev',
    exec,
    isAllowed,
    maxRunning: 2,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  calls.length = 0;
  behaviour = async () => ({ stdout: 'ok\n', stderr: '', exitCode: 0 });
});

const code = (body: string): string => (JSON.parse(body) as ErrorReply).name;

describe('startServer', () => {
  it('listens on 127.0.0.1 and prints a URL with the key in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#key=${server.key}`);
    expect(server.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('makes a new key on every start', async () => {
    const other = await startServer({ port: 0, uiDir, standinDir, extensionImage: 'x', exec, isAllowed });
    await other.close();
    expect(other.key).not.toBe(server.key);
  });
});

describe('the UI', () => {
  it('serves index.html with the stand-in first, its config and a strict script policy', async () => {
    const res = await send(server.port);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body.indexOf('/__archmatrix/standin/install.js')).toBeLessThan(res.body.indexOf('./assets/app.js'));
    expect(res.body).toContain('name="archmatrix-browser-mode"');
    expect(res.body).not.toContain(server.key);
  });

  it('serves assets and the stand-in modules with their types', async () => {
    expect((await send(server.port, { path: '/assets/app.js' })).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    const standin = await send(server.port, { path: '/__archmatrix/standin/install.js' });
    expect(standin.status).toBe(200);
    expect(standin.body).toBe('export {};');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/__archmatrix/standin/../../secret.txt',
    '/nothing.js',
  ])('answers 404 for %s', async (path) => {
    const res = await send(server.port, { path });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the UI folder');
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const res = await send(server.port, { headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
    expect(code(res.body)).toBe('forbidden-host');
  });

  it('is read-only: POST / gets 405', async () => {
    expect((await send(server.port, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('POST /api/exec', () => {
  it('runs an allowed command and replies with its output', async () => {
    const res = await postExec(server.port, server.key, { args: ['version'], form: 'stream' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ argv: ['version'], stdout: 'ok\n', stderr: '', exitCode: 0 });
    expect(calls.map((call) => call.args)).toEqual([['version']]);
    // The default upper bound for one command, and a signal the server can abort.
    expect(calls[0]?.timeoutMs).toBe(COMMAND_TIMEOUT_MS);
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('hands its timeoutMs option to every command it runs', async () => {
    const other = await startServer({
      port: 0,
      uiDir,
      standinDir,
      extensionImage: 'x',
      exec,
      isAllowed,
      timeoutMs: 1234,
    });
    try {
      const res = await postExec(other.port, other.key, { args: ['version'], form: 'stream' });
      expect(res.status).toBe(200);
    } finally {
      await other.close();
    }
    expect(calls.map((call) => [call.args, call.timeoutMs])).toEqual([[['version'], 1234]]);
  });

  it('applies Docker Desktop splitting to the promise form only', async () => {
    await postExec(server.port, server.key, { args: ['version', '--format', '"{{json .}}"'], form: 'exec' });
    await postExec(server.port, server.key, { args: ['version', '--format', '{{json .}}'], form: 'stream' });
    expect(calls.map((call) => call.args)).toEqual([
      ['version', '--format', '{{json .}}'],
      ['version', '--format', '{{json .}}'],
    ]);
  });

  it.each([
    ['no key', undefined, {}, 401, 'unauthorized'],
    ['a wrong key', 'wrong', {}, 401, 'unauthorized'],
    ['a foreign Origin', 'KEY', { origin: 'http://evil.example' }, 403, 'forbidden-origin'],
    ['Origin null', 'KEY', { origin: 'null' }, 403, 'forbidden-origin'],
    ['a cross-site fetch', 'KEY', { 'sec-fetch-site': 'cross-site' }, 403, 'forbidden-origin'],
    ['a foreign Host', 'KEY', { host: 'evil.example' }, 403, 'forbidden-host'],
    ['a form post', 'KEY', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported-media-type'],
  ])('refuses %s and runs nothing', async (_name, key, headers, status, reason) => {
    const res = await postExec(
      server.port,
      key === 'KEY' ? server.key : key,
      { args: ['version'], form: 'stream' },
      headers,
    );
    expect(res.status).toBe(status);
    expect(code(res.body)).toBe(reason);
    expect(calls).toEqual([]);
  });

  it.each([
    ['off the allowlist', { args: ['rm', 'x'], form: 'stream' }, 403, 'forbidden-command'],
    ['with an unterminated quote in the promise form', { args: ['version', '"x'], form: 'exec' }, 400, 'bad-request'],
    ['a space that splits into an extra word', { args: ['slow x'], form: 'exec' }, 403, 'forbidden-command'],
    ['not JSON', 'version', 400, 'bad-request'],
    ['no form', { args: ['version'] }, 400, 'bad-request'],
  ])('refuses a command %s and runs nothing', async (_name, body, status, reason) => {
    const res = await postExec(server.port, server.key, body);
    expect(res.status).toBe(status);
    expect(code(res.body)).toBe(reason);
    expect(calls).toEqual([]);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await postExec(server.port, server.key, { args: ['version', 'x'.repeat(70 * 1024)], form: 'stream' });
    expect(res.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('takes POST only', async () => {
    expect((await send(server.port, { path: '/api/exec' })).status).toBe(405);
    expect((await send(server.port, { path: '/api/other' })).status).toBe(404);
  });

  it('stops the command when the page stops waiting', async () => {
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    behaviour = (request) =>
      new Promise((resolve) => {
        started();
        request.signal?.addEventListener('abort', () =>
          resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' }),
        );
      });
    const controller = new AbortController();
    const pending = send(server.port, {
      method: 'POST',
      path: '/api/exec',
      headers: { 'content-type': 'application/json', 'x-archmatrix-key': server.key },
      body: JSON.stringify({ args: ['slow'], form: 'stream' }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await running;
    expect(calls[0]?.signal?.aborted).toBe(false);
    controller.abort();
    await pending;
    await new Promise<void>((resolve) => {
      const check = (): void => (calls[0]?.signal?.aborted === true ? resolve() : void setTimeout(check, 5));
      check();
    });
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('answers 429 when too many commands run at once', async () => {
    const releases: (() => void)[] = [];
    behaviour = () => new Promise((resolve) => releases.push(() => resolve({ stdout: '', stderr: '', exitCode: 0 })));
    const first = postExec(server.port, server.key, { args: ['slow'], form: 'stream' });
    const second = postExec(server.port, server.key, { args: ['slow'], form: 'stream' });
    await new Promise<void>((resolve) => {
      const check = (): void => (calls.length === 2 ? resolve() : void setTimeout(check, 5));
      check();
    });
    const third = await postExec(server.port, server.key, { args: ['slow'], form: 'stream' });
    expect(third.status).toBe(429);
    for (const release of releases) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
