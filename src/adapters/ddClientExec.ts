/**
 * ExecPort over Docker Desktop's `ddClient.docker.cli.exec`, STREAM form.
 *
 * Why the stream form: it passes the arguments unchanged (the promise form joins them into one
 * command line and splits it again shell-style), and it is the only form that can be stopped
 * (`close()`), which the per-command timeout and leaving the tab need.
 *
 * `ddClient.docker.cli.exec(cmd, args)` runs `docker cmd ...args`: the first element of the
 * request's argv is the docker subcommand.
 */
import type { v1 } from '@docker/extension-api-client-types';
import type { ExecOutput, ExecPort, ExecRequest } from '../commands/port.js';
import { isRecord } from '../core/json.js';

type Interrupted = NonNullable<ExecOutput['interrupted']>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value['then'] === 'function';
}

function describeUnknown(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  try {
    return JSON.stringify(reason) ?? 'unknown error';
  } catch {
    return 'unknown error';
  }
}

/**
 * Turn what Docker Desktop hands to onError, or a rejection, into an ExecOutput.
 * Docker Desktop rejects with a RawExecResult-like object ({ stdout, stderr, code }) for a failing
 * command; a client may also throw an Error (e.g. the process could not start).
 */
export function outputFromFailure(reason: unknown, stdoutSoFar = '', stderrSoFar = ''): ExecOutput {
  if (isRecord(reason) && typeof reason['stderr'] === 'string') {
    const code = reason['code'];
    return {
      stdout: typeof reason['stdout'] === 'string' ? reason['stdout'] : stdoutSoFar,
      stderr: reason['stderr'],
      exitCode: typeof code === 'number' ? code : null,
    };
  }
  if (reason instanceof Error) {
    const spawnFailed = /ENOENT|spawn/i.test(reason.message) || (reason as { code?: unknown }).code === 'ENOENT';
    const stderr = [stderrSoFar, reason.message].filter((part) => part !== '').join('\n');
    return spawnFailed
      ? { stdout: stdoutSoFar, stderr, exitCode: null, interrupted: 'spawn-failed' }
      : { stdout: stdoutSoFar, stderr, exitCode: null };
  }
  const stderr = [stderrSoFar, describeUnknown(reason)].filter((part) => part !== '').join('\n');
  return { stdout: stdoutSoFar, stderr, exitCode: null };
}

/** A resolved promise-form result ({ stdout, stderr, code }) as an ExecOutput. */
function outputFromResolved(value: unknown): ExecOutput {
  if (isRecord(value)) {
    const code = value['code'];
    return {
      stdout: typeof value['stdout'] === 'string' ? value['stdout'] : '',
      stderr: typeof value['stderr'] === 'string' ? value['stderr'] : '',
      exitCode: typeof code === 'number' ? code : 0,
    };
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}

function runOnce(dd: v1.DockerDesktopClient, request: ExecRequest): Promise<ExecOutput> {
  return new Promise<ExecOutput>((resolve) => {
    const [cmd, ...args] = request.args;
    if (cmd === undefined) {
      resolve({ stdout: '', stderr: 'no docker command given', exitCode: null, interrupted: 'spawn-failed' });
      return;
    }
    if (request.signal?.aborted) {
      resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' });
      return;
    }
    let stdout = '';
    let stderr = '';
    let settled = false;
    let running: v1.ExecProcess | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (output: ExecOutput): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(output);
    };
    const stop = (why: Interrupted): void => {
      if (settled) return;
      try {
        running?.close();
      } catch {
        // The process may already be gone; the outcome is the same.
      }
      finish({ stdout, stderr, exitCode: null, interrupted: why });
    };
    function onAbort(): void {
      stop('cancelled');
    }

    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.timeoutMs !== undefined && request.timeoutMs > 0) {
      timer = setTimeout(() => stop('timeout'), request.timeoutMs);
    }

    try {
      const started: unknown = dd.docker.cli.exec(cmd, args, {
        stream: {
          splitOutputLines: false,
          onOutput(data) {
            if (typeof data.stdout === 'string') stdout += data.stdout;
            if (typeof data.stderr === 'string') stderr += data.stderr;
          },
          onError(error: unknown) {
            finish(outputFromFailure(error, stdout, stderr));
          },
          onClose(exitCode: number) {
            finish({ stdout, stderr, exitCode: typeof exitCode === 'number' ? exitCode : null });
          },
        },
      });
      if (isThenable(started)) {
        // A client without the stream form answers with a promise: take its result instead.
        started.then(
          (value) => finish(outputFromResolved(value)),
          (reason: unknown) => finish(outputFromFailure(reason, stdout, stderr)),
        );
      } else if (isRecord(started) && typeof started['close'] === 'function') {
        running = started as unknown as v1.ExecProcess;
      }
    } catch (error: unknown) {
      finish(outputFromFailure(error, stdout, stderr));
    }
  });
}

/** An ExecPort that runs docker commands through Docker Desktop (or the browser-mode stand-in). */
export function createDdClientExec(dd: v1.DockerDesktopClient): ExecPort {
  return (request) => runOnce(dd, request);
}
