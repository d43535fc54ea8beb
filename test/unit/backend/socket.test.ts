/**
 * The backend over a real Unix socket in a temp folder, as Docker Desktop's proxy reaches it:
 * JSON bodies, size cap, content type, the error shape, the socket file's life cycle.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorReply } from '@wire/errors.js';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import { createBackend, type Backend } from '@backend/app.js';
import { callSocket } from '../../support/socketClient.js';
import { controlledDeepCheck, type ControlledDeepCheck } from '../../support/fakeDeepCheck.js';

const INFO = { version: '1.2.3', node: process.version, arch: process.arch };
let dir: string;
let sock: string;
let fake: ControlledDeepCheck;
let backend: Backend;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archmatrix-backend-'));
  sock = join(dir, 'archmatrix.sock');
  fake = controlledDeepCheck();
  backend = createBackend({
    deepCheck: fake.deepCheck,
    info: INFO,
    sweepEveryMs: 0,
    httpLimits: { maxBodyBytes: 4096 },
  });
  await backend.listen(sock);
});

afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the backend on a Unix socket', () => {
  it('answers GET /health with JSON', async () => {
    const reply = await callSocket(sock, { path: '/health' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toMatchObject({ status: 'ok', version: '1.2.3', arch: process.arch, deepCheck: 'available' });
  });

  it('runs a job end to end: POST, poll while running, poll when done', async () => {
    const created = await callSocket(sock, {
      method: 'POST',
      path: '/deep',
      body: { references: ['127.0.0.1:5100/corpus/good:1.0.0'] },
    });
    expect(created.status).toBe(202);
    const { id } = created.json as DeepJobSnapshot;
    await fake.started(1);
    fake.pending[0]?.context.onProgress({ bytesRead: 1 });
    const running = await callSocket(sock, { path: `/deep/${id}` });
    expect(running.json).toMatchObject({
      id,
      state: 'running',
      items: [{ state: 'running', progress: { bytesRead: 1 } }],
    });
    fake.pending[0]?.resolve({ verdict: 'ready' });
    await backend.jobs?.settled(id);
    const done = await callSocket(sock, { path: `/deep/${id}` });
    expect(done.json).toMatchObject({
      id,
      state: 'done',
      items: [{ canonical: '127.0.0.1:5100/corpus/good:1.0.0', state: 'done', result: { verdict: 'ready' } }],
    });
  });

  it('DELETE /deep/<id> cancels over the socket', async () => {
    const { id } = (await callSocket(sock, { method: 'POST', path: '/deep', body: { references: ['alpine'] } }))
      .json as DeepJobSnapshot;
    await fake.started(1);
    const reply = await callSocket(sock, { method: 'DELETE', path: `/deep/${id}` });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ state: 'cancelled', cancelReason: 'client' });
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses a hostile reference with 400 and every reason, before any check runs', async () => {
    const reply = await callSocket(sock, {
      method: 'POST',
      path: '/deep',
      body: { references: ['ok/image', 'image`id`'] },
    });
    expect(reply.status).toBe(400);
    const body = reply.json as ErrorReply;
    expect(body).toMatchObject({ statusCode: 400, name: 'invalid-reference' });
    expect(body.reasons).toEqual([{ index: 1, input: 'image`id`', reason: 'contains quotes' }]);
    expect(fake.calls).toEqual([]);
  });

  it.each([
    [
      'a body over the cap',
      { 'content-type': 'application/json' },
      JSON.stringify({ references: ['a'.repeat(5000)] }),
      413,
      'too-large',
    ],
    ['a body that is not JSON', { 'content-type': 'application/json' }, '{"references": [', 400, 'bad-request'],
    ['a body of another type', { 'content-type': 'text/plain' }, 'alpine', 415, 'unsupported-media-type'],
    ['no body', {}, undefined, 400, 'bad-request'],
  ])('answers %s with a JSON error {statusCode, name, message}', async (_name, headers, body, status, name) => {
    const reply = await callSocket(sock, {
      method: 'POST',
      path: '/deep',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    expect(reply.status).toBe(status);
    expect(reply.json).toMatchObject({ statusCode: status, name });
    expect(typeof (reply.json as ErrorReply).message).toBe('string');
    expect(fake.calls).toEqual([]);
  });

  it('removes its socket file on close', async () => {
    await backend.close();
    expect(existsSync(sock)).toBe(false);
  });
});

describe('a client that never finishes its request', () => {
  it('gets 408 once the request deadline passes, and the connection is closed', async () => {
    const slowSock = join(dir, 'slow.sock');
    const b = createBackend({
      deepCheck: fake.deepCheck,
      info: INFO,
      sweepEveryMs: 0,
      httpLimits: { requestTimeoutMs: 300 },
    });
    await b.listen(slowSock);
    try {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(slowSock, () => {
          // Headers promise 100 bytes; only 10 ever come.
          socket.write(
            'POST /deep HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"referenc',
          );
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(fake.calls).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('the socket file before listening', () => {
  const others: Backend[] = [];
  afterEach(async () => {
    await Promise.all(others.splice(0).map((b) => b.close()));
  });
  const another = (): Backend => {
    const b = createBackend({ info: INFO, sweepEveryMs: 0 });
    others.push(b);
    return b;
  };

  it('replaces a socket left by a backend that was killed', async () => {
    const stale = join(dir, 'stale.sock');
    // A real process listens, then dies by SIGKILL: its socket file stays behind, nobody answers.
    const child = spawn(
      process.execPath,
      ['-e', `require('node:net').createServer().listen(${JSON.stringify(stale)}, () => console.log('up'))`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(stale)).toBe(true);
    const b = another();
    await b.listen(stale);
    expect((await callSocket(stale, { path: '/health' })).status).toBe(200);
  });

  it('never takes over a socket another backend answers on', async () => {
    await expect(another().listen(sock)).rejects.toThrow(`another backend already answers on ${sock}`);
    expect((await callSocket(sock, { path: '/health' })).json).toMatchObject({ deepCheck: 'available' });
  });

  it('never removes a path that is not a socket', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'keep me');
    await expect(another().listen(file)).rejects.toThrow('exists and is not a socket');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('says so when the folder is missing (Docker Desktop mounts /run/guest-services)', async () => {
    await expect(another().listen(join(dir, 'missing', 'b.sock'))).rejects.toThrow('does not exist');
  });
});
