/**
 * The backend's socket file is owner-only (0600) from the instant it exists, whatever the umask of the
 * process: whoever can connect can start deep checks.
 */
import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '@backend/app.js';
import { listenPrivately, SOCKET_MODE } from '@backend/socketFile.js';
import { callSocket } from '../../support/socketClient.js';

const INFO = { version: '1.2.3', node: process.version, arch: process.arch };
let dir: string;
let umask: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archmatrix-socket-mode-'));
  // The most open umask: without care, a socket would be created rwxrwxrwx.
  umask = process.umask(0);
});

afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string): number => lstatSync(path).mode & 0o777;

describe('the socket file', () => {
  it('is 0600 once the backend listens, under a umask of 000, and still answers', async () => {
    const sock = join(dir, 'b.sock');
    const backend = createBackend({ info: INFO, sweepEveryMs: 0 });
    try {
      await backend.listen(sock);
      expect(SOCKET_MODE).toBe(0o600);
      expect(modeOf(sock)).toBe(0o600);
      expect((await callSocket(sock, { path: '/health' })).status).toBe(200);
      expect(process.umask()).toBe(0);
    } finally {
      await backend.close();
    }
  });

  it('is never wider than 0600, not even when the server first says it is listening', async () => {
    const sock = join(dir, 'first.sock');
    const server = createServer();
    let modeWhenListening: number | undefined;
    // Runs as soon as Node has bound the socket, before anything else could change its mode.
    server.on('listening', () => (modeWhenListening = modeOf(sock)));
    try {
      await listenPrivately(server, sock);
      expect(modeWhenListening).toBe(0o600);
      expect(modeOf(sock)).toBe(0o600);
      expect(process.umask()).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('leaves the umask as it was when listening fails', async () => {
    const server = createServer();
    await expect(listenPrivately(server, join(dir, 'missing', 'x.sock'))).rejects.toThrow();
    expect(process.umask()).toBe(0);
  });

  it('is still 0600 where the umask cannot be changed (as in a worker thread)', async () => {
    const sock = join(dir, 'worker.sock');
    const real = process.umask.bind(process);
    const umask = vi.spyOn(process, 'umask').mockImplementation((mask?: string | number) => {
      if (mask !== undefined) throw new Error('process.umask() is not supported in workers');
      return real();
    });
    const server = createServer();
    try {
      await listenPrivately(server, sock);
      expect(umask).toHaveBeenCalled();
      expect(modeOf(sock)).toBe(0o600);
    } finally {
      umask.mockRestore();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
