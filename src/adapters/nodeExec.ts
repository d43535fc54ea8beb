/**
 * ExecPort on Node's child_process.spawn, WITHOUT a shell: every argv element reaches docker
 * unchanged. The child runs in its own process group so that stopping it (timeout, abort,
 * too much output) also stops the CLI plugin it started (docker-buildx): SIGTERM to the group,
 * then SIGKILL after a grace period. The returned promise always resolves.
 *
 * With buildx: 'direct' (the CLI and browser mode), a `buildx ...` request runs the buildx plugin
 * binary standalone (`docker-buildx imagetools inspect ...`): one process instead of three, same
 * registry requests. The request itself stays the logical `buildx ...` (allowlist, recorded argv).
 * If the plugin cannot be started, that request goes through docker as usual.
 */
import { spawn } from 'node:child_process';
import type { ExecOutput, ExecPort, ExecRequest } from '../commands/execPort.js';
import type { BuildxRoute } from './buildxPlugin.js';
import { buildxRoute, findBuildxPlugin } from './buildxPlugin.js';

export interface NodeExecOptions {
  /** The docker binary, default "docker" (looked up on PATH). */
  readonly docker?: string;
  /** Environment of the child, default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Bytes (UTF-16 code units) kept per stream; more stops the command. Default 64 MiB. */
  readonly maxBuffer?: number;
  /** Milliseconds between SIGTERM and SIGKILL. Default 2000. */
  readonly killGraceMs?: number;
  /**
   * How `buildx ...` requests run. Default 'via-docker' (what Docker Desktop does). 'direct' runs the
   * plugin found by findBuildxPlugin(env) when there is one; ARCHMATRIX_BUILDX=docker in env forces 'via-docker'.
   */
  readonly buildx?: BuildxRoute;
}

type StopReason = 'timeout' | 'cancelled' | 'overflow';

const DEFAULT_MAX_BUFFER = 64 * 1024 * 1024;

export function createNodeExec(options: NodeExecOptions = {}): ExecPort {
  const docker = options.docker ?? 'docker';
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  const grace = options.killGraceMs ?? 2000;
  const env = options.env ?? process.env;
  const viaDocker: ExecPort = (request) => run(docker, request, env, maxBuffer, grace);
  const plugin = buildxRoute(options.buildx ?? 'via-docker', env) === 'direct' ? findBuildxPlugin(env) : undefined;
  if (plugin === undefined) return viaDocker;
  return async (request) => {
    if (request.args[0] !== 'buildx') return viaDocker(request);
    // Standalone, the plugin takes the subcommand without the leading "buildx".
    const out = await run(plugin, { ...request, args: request.args.slice(1) }, env, maxBuffer, grace);
    return out.interrupted === 'spawn-failed' ? viaDocker(request) : out;
  };
}

function run(
  binary: string,
  request: ExecRequest,
  env: NodeJS.ProcessEnv,
  maxBuffer: number,
  grace: number,
): Promise<ExecOutput> {
  return new Promise<ExecOutput>((resolve) => {
    if (request.signal?.aborted === true) {
      resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' });
      return;
    }
    let stdout = '';
    let stderr = '';
    let stopped: StopReason | undefined;
    let settled = false;
    let termTimer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;

    const child = spawn(binary, [...request.args], {
      env,
      shell: false,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });

    const signalGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // The group is already gone; try the child itself.
        try {
          child.kill(sig);
        } catch {
          /* nothing left to stop */
        }
      }
    };
    const stop = (reason: StopReason): void => {
      if (stopped !== undefined || settled) return;
      stopped = reason;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), grace);
    };
    const onAbort = (): void => stop('cancelled');
    const finish = (out: ExecOutput): void => {
      if (settled) return;
      settled = true;
      clearTimeout(termTimer);
      clearTimeout(killTimer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(out);
    };

    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.timeoutMs !== undefined) termTimer = setTimeout(() => stop('timeout'), Math.max(0, request.timeoutMs));

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length + chunk.length > maxBuffer) stop('overflow');
      else stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length + chunk.length > maxBuffer) stop('overflow');
      else stderr += chunk;
    });

    child.on('error', (error: NodeJS.ErrnoException) => {
      // Spawn failures (ENOENT, EACCES) come here and no 'close' follows when nothing started.
      if (child.pid === undefined) {
        finish({
          stdout,
          stderr: `${binary}: ${error.code ?? 'error'}: ${error.message}`,
          exitCode: null,
          interrupted: 'spawn-failed',
        });
      }
    });
    child.on('close', (code: number | null) => {
      if (stopped === 'overflow') {
        finish({
          stdout,
          stderr: `${stderr}\noutput exceeded ${maxBuffer} characters; the command was stopped`.trim(),
          exitCode: null,
        });
      } else if (stopped !== undefined) {
        finish({ stdout, stderr, exitCode: null, interrupted: stopped });
      } else {
        finish({ stdout, stderr, exitCode: code });
      }
    });
  });
}
