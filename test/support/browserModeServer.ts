/**
 * The browser-mode server as a process, for the browser-mode specs. `npm start` builds dist/ (the UI
 * included) before it serves, and two workers may run browser-mode spec files at once: one rebuilding
 * dist/ui while another's server serves it would break that page. So within one Playwright run dist/
 * is built once, under a lock, by the first spec file to get there, which runs `npm start` itself (as
 * the README says); every later file starts the server it built (node dist/node/server/main.js).
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import type { TestEnv } from '../env/testEnv.js';

/** The built server (relative to the project root, where Playwright runs). */
export const MAIN = 'dist/node/server/main.js';
const LOCK = 'dist/.browser-mode-build.lock';
const BUILT = 'dist/.browser-mode-built';
/** This Playwright run: its workers are child processes of the runner. */
const RUN = String(process.ppid);

export interface ServerProcess {
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  stop(): void;
}

/** Starts a command that prints the browser-mode URL; its own process group, so stop() ends npm and node. */
export function launchServer(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(command, [...args], {
    env: { ...env, PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
      process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const found = /serving (http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]+)/.exec(output);
      if (found?.[1] !== undefined) resolve({ url: found[1], output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`${command} ${args.join(' ')} exited (${String(code)}) before printing its URL:\n${output}`)),
    );
  });
}

/** The lock's holder is gone (its process ended, or it never wrote its pid within 10 s). */
function lockIsStale(): boolean {
  const holder = join(LOCK, 'holder');
  if (!existsSync(holder)) return existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 10_000;
  try {
    process.kill(Number(readFileSync(holder, 'utf8')), 0);
    return false;
  } catch {
    return true;
  }
}

/** Runs `work` holding the build lock (a directory: mkdir is atomic), waiting for any other holder first. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync('dist', { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  writeFileSync(join(LOCK, 'holder'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The first call in a Playwright run runs `npm start` (build, then serve); later calls start the built server. */
export function startBrowserMode(env: TestEnv): Promise<ServerProcess> {
  return withBuildLock(async () => {
    if (existsSync(BUILT) && readFileSync(BUILT, 'utf8') === RUN)
      return launchServer(process.execPath, [MAIN], env.env);
    // `npm start` exactly as the README says, with the test environment's DOCKER_HOST / DOCKER_CONFIG / PATH.
    const server = await launchServer('npm', ['start'], env.env);
    writeFileSync(BUILT, RUN);
    return server;
  });
}

/** One browser-mode server for the spec file: started before its tests, stopped after them. */
export function browserModeServerPerFile(env: TestEnv): () => ServerProcess {
  let server: ServerProcess | undefined;
  test.beforeAll(async () => {
    // Long enough to wait for another file's build as well as for its own.
    test.setTimeout(300_000);
    expect(arch(), 'the expected verdicts are for an amd64 host').toBe('x64');
    server = await startBrowserMode(env);
  });
  test.afterAll(() => server?.stop());
  return () => {
    if (server === undefined) throw new Error('npm start did not start');
    return server;
  };
}
