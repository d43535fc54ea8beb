/**
 * ExecPort over Docker Desktop's `ddClient.docker.cli.exec`, STREAM form.
 *
 * Why the stream form: it passes the arguments unchanged (the promise form joins them into one
 * command line and splits it again shell-style), and it is the only form that can be stopped
 * (`close()`), which the per-command timeout and leaving the tab need.
 *
 * `ddClient.docker.cli.exec(cmd, args)` runs `docker cmd ...args`: the first element of the
 * request's argv is the docker subcommand.
 *
 * What real hosts differ in (platform-facts.md, last section), and how this copes:
 * - chunks may be bytes instead of strings, split inside a UTF-8 character: each stream has its own
 *   streaming TextDecoder, so a character split across chunks is joined, never turned into U+FFFD;
 *   string chunks are joined before anything parses them;
 * - `onClose` may come before the last output (it fires on the process's exit, with data still in the
 *   pipes): output arriving within CLOSE_GRACE_MS after onClose is still collected.
 */
import type { v1 } from '@docker/extension-api-client-types';
import type { ExecOutput, ExecPort, ExecRequest } from '../commands/execPort.js';
import { ACCESS_REFUSED_CODE } from '../core/failure.js';
import { isRecord } from '../core/json.js';

type Interrupted = NonNullable<ExecOutput['interrupted']>;

/** How long output is still collected after onClose (a host may deliver the last chunks after it). */
const CLOSE_GRACE_MS = 50;

/** The bytes of a chunk a host handed over as binary (Uint8Array, ArrayBuffer, a serialised Node Buffer). */
function chunkBytes(chunk: unknown): Uint8Array | undefined {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (
    isRecord(chunk) &&
    chunk['type'] === 'Buffer' &&
    Array.isArray(chunk['data']) &&
    chunk['data'].every((b) => typeof b === 'number')
  ) {
    return Uint8Array.from(chunk['data'] as number[]);
  }
  return undefined;
}

/** One output stream: string chunks joined as they come, byte chunks decoded as one UTF-8 stream. */
export function createStreamText(): { add(chunk: unknown): void; text(): string } {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  return {
    add(chunk) {
      if (typeof chunk === 'string') {
        text += decoder.decode() + chunk;
        return;
      }
      const bytes = chunkBytes(chunk);
      if (bytes !== undefined) text += decoder.decode(bytes, { stream: true });
    },
    text() {
      text += decoder.decode();
      return text;
    },
  };
}

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
    const code = (reason as { code?: unknown }).code;
    if (code === ACCESS_REFUSED_CODE)
      return { stdout: stdoutSoFar, stderr: reason.message, exitCode: null, interrupted: 'access-refused' };
    const spawnFailed = /ENOENT|spawn/i.test(reason.message) || code === 'ENOENT';
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
    const out = createStreamText();
    const err = createStreamText();
    let settled = false;
    let running: v1.ExecProcess | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let grace: ReturnType<typeof setTimeout> | undefined;

    const finish = (output: ExecOutput): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      if (grace !== undefined) clearTimeout(grace);
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
      finish({ stdout: out.text(), stderr: err.text(), exitCode: null, interrupted: why });
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
          onOutput(data: { stdout?: unknown; stderr?: unknown }) {
            if (settled) return;
            out.add(data.stdout);
            err.add(data.stderr);
          },
          onError(error: unknown) {
            finish(outputFromFailure(error, out.text(), err.text()));
          },
          onClose(exitCode: number) {
            if (settled || grace !== undefined) return;
            const code = typeof exitCode === 'number' ? exitCode : null;
            grace = setTimeout(
              () => finish({ stdout: out.text(), stderr: err.text(), exitCode: code }),
              CLOSE_GRACE_MS,
            );
          },
        },
      });
      if (isThenable(started)) {
        // A client without the stream form answers with a promise: take its result instead.
        started.then(
          (value) => finish(outputFromResolved(value)),
          (reason: unknown) => finish(outputFromFailure(reason, out.text(), err.text())),
        );
      } else if (isRecord(started) && typeof started['close'] === 'function') {
        running = started as unknown as v1.ExecProcess;
      }
    } catch (error: unknown) {
      finish(outputFromFailure(error, out.text(), err.text()));
    }
  });
}

/** An ExecPort that runs docker commands through Docker Desktop (or the browser-mode stand-in). */
export function createDdClientExec(dd: v1.DockerDesktopClient): ExecPort {
  return (request) => runOnce(dd, request);
}
