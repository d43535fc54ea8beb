/**
 * The BUILT backend (dist/node/backend/main.js) as a process, as the image's CMD starts
 * it: it listens on the socket it is given, answers /health, runs POST /deep on deep corpus images
 * through the real registries (no credentials: the private copy is unauthorized, with the command to
 * run on the host), refuses hostile references, refuses to take over a live backend's socket, and
 * stops cleanly on SIGTERM (as PID 1 in a container it must handle it itself).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import type { JsonRow } from '@core/index.js';
import { REPO_ROOT } from '../env/extensionImage.js';
import { loadTestEnv } from '../env/testEnv.js';
import { deepCorpus } from '../support/deepCorpus.js';
import { run } from '../env/run.js';
import { callSocket } from '../support/socketClient.js';
import { ensureCliBuilt } from '../support/cliProcess.js';

const MAIN = join(REPO_ROOT, 'dist/node/backend/main.js');
const testEnv = loadTestEnv();
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
    expect(health.json).toMatchObject({
      status: 'ok',
      version,
      node: process.version,
      arch: process.arch,
      deepCheck: 'available',
    });
  });

  it('POST /deep checks deep corpus images through the real registries; the private copy names the host command', async () => {
    const pick = (name: string, registry: 'open' | 'auth' = 'open') =>
      deepCorpus(testEnv).find((i) => i.name === name && i.registry === registry);
    const images = [pick('good'), pick('darwin-x64-both'), pick('compose-backend'), pick('darwin-x64-both', 'auth')];
    const references = images.map((i) => i?.reference ?? '');
    const posted = await callSocket(sock, { method: 'POST', path: '/deep', body: { references } });
    expect(posted.status).toBe(202);
    const id = (posted.json as DeepJobSnapshot).id;
    let job = posted.json as DeepJobSnapshot;
    for (let i = 0; i < 240 && job.state === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await callSocket(sock, { path: `/deep/${id}` })).json as DeepJobSnapshot;
    }
    expect(job.state).toBe('done');
    const rows = job.items.map((item) => item.result as unknown as JsonRow);
    expect(job.items.map((item) => item.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(rows.map((r) => r.verdict)).toEqual([
      'ready',
      'wrong-host-binary',
      'backend-missing-platforms',
      'unauthorized',
    ]);
    expect(
      rows[1]?.hostBinaries?.filter((b) => b.state === 'wrong-cpu').map((b) => [b.os, b.path, b.platform, b.found]),
    ).toEqual([['darwin', '/darwin/esbuild', 'linux/arm64', 'x86_64']]);
    expect(rows[2]?.backend?.map((b) => [b.self, b.platforms])).toEqual([
      [true, ['linux/amd64', 'linux/arm64']],
      [false, ['linux/amd64']],
    ]);
    expect(rows[3]?.deep).toMatchObject({
      status: 'not-checked',
      fix: `Run \`archmatrix --deep ${references[3] ?? ''}\` on the host: it uses your docker login, which the extension's backend cannot see.`,
    });
    expect(job.items[0]?.progress).toMatchObject({ phase: 'done' });
  }, 120_000);

  it('refuses a hostile reference before any read (400)', async () => {
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
    const out = run(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, ARCHMATRIX_BACKEND_SOCKET: 'relative.sock' },
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('ARCHMATRIX_BACKEND_SOCKET: the socket path "relative.sock" is not absolute');
  });

  it('stops on SIGTERM with exit 0 and removes its socket', async () => {
    backend.kill('SIGTERM');
    expect(await exitOf(backend)).toBe(0);
    expect(existsSync(sock)).toBe(false);
  });
});
