/**
 * The BUILT backend (dist/node/backend/main.js) as a process on a socket in a temp folder, for tests of
 * how it behaves under load: requests with a time limit (a backend whose event loop is stuck must fail
 * the test, not hang it), its peak memory (watchedProcess.ts), a hard stop.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../env/extensionImage.js';
import { callSocket, type SocketReply, type SocketRequest } from './socketClient.js';
import { watchPeakRss, type PeakWatch } from './watchedProcess.js';

export const BACKEND_MAIN = join(REPO_ROOT, 'dist/node/backend/main.js');

export interface BackendProcess {
  readonly socket: string;
  readonly memory: PeakWatch;
  /** The answer, or undefined when none came within `withinMs`. */
  ask(request: SocketRequest, withinMs: number): Promise<SocketReply | undefined>;
  /** Does /health answer within `withinMs`? */
  answers(withinMs: number): Promise<boolean>;
  /** SIGKILL, and the temp folder removed. */
  stop(): Promise<void>;
}

export async function startBackend(env: NodeJS.ProcessEnv): Promise<BackendProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'archmatrix-backend-'));
  const socket = join(dir, 'archmatrix.sock');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BACKEND_MAIN], {
    env: { PATH: process.env.PATH, ...env, ARCHMATRIX_BACKEND_SOCKET: socket },
    stdio: 'pipe',
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the backend exited ${String(code)}`)));
  });
  if (child.pid === undefined) throw new Error('the backend has no pid');
  const memory = watchPeakRss(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ask = async (request: SocketRequest, withinMs: number): Promise<SocketReply | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), withinMs);
    });
    try {
      return await Promise.race([callSocket(socket, request).catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    socket,
    memory,
    ask,
    answers: async (withinMs) => (await ask({ path: '/health' }, withinMs))?.status === 200,
    stop: async () => {
      memory.stop();
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
