/**
 * Connections to the backend's socket do not stay open for nothing: one that never sends, one kept alive
 * after its answer, one stalled mid-headers and one stalled mid-body are all closed by the server after
 * the idle timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '@backend/app.js';
import { DEFAULT_HTTP_LIMITS } from '@backend/httpServer.js';

const INFO = { version: '1.2.3', node: process.version, arch: process.arch };
const IDLE_MS = 300;
let dir: string;
let sock: string;
let backend: Backend;
const clients: Socket[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archmatrix-idle-'));
  sock = join(dir, 'b.sock');
  // The request deadline stays at its default (30 s): only the idle timeout can close these in time.
  backend = createBackend({ info: INFO, sweepEveryMs: 0, httpLimits: { idleTimeoutMs: IDLE_MS } });
  await backend.listen(sock);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a connection, sends `text` (if any), and resolves with how long until the server closed it. */
function closedAfter(text: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const client = connect(sock, () => {
      if (text !== undefined) client.write(text);
    });
    clients.push(client);
    client.on('data', () => undefined);
    client.on('error', () => undefined);
    client.on('close', () => resolve(Date.now() - started));
  });
}

describe('idle connections', () => {
  it('by default close after 10 s at most, within the request deadline', () => {
    expect(DEFAULT_HTTP_LIMITS.idleTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(DEFAULT_HTTP_LIMITS.idleTimeoutMs).toBeLessThanOrEqual(DEFAULT_HTTP_LIMITS.requestTimeoutMs);
  });

  it('are closed by the server: silent, kept alive after an answer, stalled mid-headers or mid-body', async () => {
    const times = await Promise.all([
      ...Array.from({ length: 20 }, () => closedAfter(undefined)),
      ...Array.from({ length: 20 }, () => closedAfter('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')),
      ...Array.from({ length: 20 }, () => closedAfter('GET /health HTTP/1.1\r\nHo')),
      // Headers complete, body stalled: only the idle timeout ends it before the 30 s request deadline.
      ...Array.from({ length: 20 }, () =>
        closedAfter(
          'POST /deep HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ref',
        ),
      ),
    ]);
    // Without the idle timeout the first group would wait for the 10 s header deadline, the second for 5 s,
    // the last for the 30 s request deadline.
    expect(Math.max(...times)).toBeLessThan(4_000);
  }, 15_000);

  it('only when idle: a client that keeps asking on one connection is answered every time', async () => {
    const answers = await new Promise<number>((resolve) => {
      let count = 0;
      const client = connect(sock, () => client.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'));
      clients.push(client);
      client.on('data', (chunk: Buffer) => {
        count += (chunk.toString('utf8').match(/HTTP\/1\.1 200 /g) ?? []).length;
        if (count >= 6) resolve(count);
        else setTimeout(() => client.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'), IDLE_MS / 2);
      });
      client.on('close', () => resolve(count));
    });
    // Six answers 150 ms apart: longer in all than the idle timeout, never idle that long.
    expect(answers).toBe(6);
  });
});
