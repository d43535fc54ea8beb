/**
 * Runs a real command of the test environment (docker, make, the testenv script) without a shell
 * and returns what it printed. Test-only: the product runs commands through its ExecPort.
 */
import { spawnSync } from 'node:child_process';
import type { TestEnv } from './testEnv.js';

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(
  cmd: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number },
): CommandRun {
  const out = spawnSync(cmd, args, {
    env: options.env,
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (out.error !== undefined) throw out.error;
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A docker CLI and the environment it runs with (the test environment's, or its second engine's). */
export type DockerCli = Pick<TestEnv, 'dockerBin' | 'env'>;

/** The environment's docker CLI with its DOCKER_HOST / DOCKER_CONFIG. */
export function docker(env: DockerCli, args: readonly string[], timeoutMs?: number): CommandRun {
  return run(env.dockerBin, args, { env: env.env, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
}

/** docker ARGS that must succeed: its stdout, or an error that carries stderr. */
export function dockerOk(env: DockerCli, args: readonly string[], timeoutMs?: number): string {
  const out = docker(env, args, timeoutMs);
  if (out.status !== 0) throw new Error(`docker ${args.join(' ')} exited ${String(out.status)}: ${out.stderr.trim()}`);
  return out.stdout;
}
