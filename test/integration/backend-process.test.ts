/**
 * Issue 8: the BUILT backend (dist/node/backend/main.js) as a process, as the image's CMD starts
 * it: it listens on the socket it is given, answers /health, validates POST /deep and answers 501
 * until the deep check is wired, refuses to take over a live backend's socket, and stops cleanly
 * on SIGTERM (as PID 1 in a container it must handle it itself).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../env/extensionImage.js';
import { run } from '../env/run.js';
import { callSocket } from '../unit/backend/socketClient.js';
import { ensureCliBuilt } from './helpers/cliProcess.js';

const MAIN = join(REPO_ROOT, 'dist/node/backend/main.js');
const dir = mkdtempSync(join(tmpdir(), 'archmatrix-backend-process-'));
const sock = join(dir, 'archmatrix.sock');
let backend: ChildProcessWithoutNullStreams;
let firstLine: string;

function start(env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  ensureCliBuilt();
  backend = start({ ARCHMATRIX_BACKEND_SOCKET: sock });
  firstLine = await new Promise<string>((resolve, reject) => {
    backend.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')));
    backend.once('exit', (code) => reject(new Error(`the backend exited ${String(code)}`)));
  });
});

afterAll(() => {
  backend.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the built backend process', () => {
  it('says where it listens, and answers /health there with its version and CPU', async () => {
    expect(firstLine).toContain(`listening on ${sock}`);
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const health = await callSocket(sock, { path: '/health' });
    expect(health.json).toMatchObject({ status: 'ok', version, node: process.version, arch: process.arch, deepCheck: 'unavailable' });
  });

  it('answers 501 for a valid request and 400 for a hostile one', async () => {
    const deep = await callSocket(sock, { method: 'POST', path: '/deep', body: { references: ['alpine:3.22'] } });
    expect(deep.status).toBe(501);
    expect(deep.json).toEqual({ statusCode: 501, name: 'not-implemented', message: 'deep check not available yet' });
    const hostile = await callSocket(sock, { method: 'POST', path: '/deep', body: { references: ['alpine|sh'] } });
    expect(hostile.status).toBe(400);
  });

  it('a second backend on the same socket exits 1 and leaves the first one answering', async () => {
    const second = start({ ARCHMATRIX_BACKEND_SOCKET: sock });
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    expect(await exitOf(second)).toBe(1);
    expect(stderr).toContain('another backend already answers');
    expect((await callSocket(sock, { path: '/health' })).status).toBe(200);
  });

  it('refuses bad settings with exit 2 before listening', () => {
    const out = run(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ARCHMATRIX_BACKEND_SOCKET: 'relative.sock' } });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('ARCHMATRIX_BACKEND_SOCKET: the socket path "relative.sock" is not absolute');
  });

  it('stops on SIGTERM with exit 0 and removes its socket', async () => {
    backend.kill('SIGTERM');
    expect(await exitOf(backend)).toBe(0);
    expect(existsSync(sock)).toBe(false);
  });
});
