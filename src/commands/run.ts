/**
 * The single gate between the command layer and an ExecPort:
 *  - refuses any argv that is not on the read-only allowlist (nothing runs);
 *  - enforces a deadline and the caller's AbortSignal itself, so even a port that never answers
 *    ends in 'timeout' or 'cancelled' (the port is asked to kill the command through its signal);
 *  - never rejects, and returns the CommandRecord kept for the details view.
 */
import type { CommandRecord } from '../core/index.js';
import { isReadOnlyCommand } from './allowlist.js';
import type { ExecOutput, ExecPort } from './execPort.js';

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Absolute time (Date.now() based) after which the command is stopped as 'timeout'. */
  readonly deadline?: number;
}

export interface RunOutcome {
  readonly output: ExecOutput;
  /** Undefined when nothing ran (refused, or already cancelled / past the deadline). */
  readonly record?: CommandRecord;
}

export const REFUSED_MESSAGE = 'refused: not a read-only command on the Arch Matrix allowlist';

const now = (): number => Date.now();

export async function runCommand(
  exec: ExecPort,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunOutcome> {
  if (!isReadOnlyCommand(args)) return { output: { stdout: '', stderr: REFUSED_MESSAGE, exitCode: null } };
  if (options.signal?.aborted === true)
    return { output: { stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' } };
  const remaining = options.deadline === undefined ? undefined : options.deadline - now();
  if (remaining !== undefined && remaining <= 0)
    return { output: { stdout: '', stderr: '', exitCode: null, interrupted: 'timeout' } };

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<ExecOutput>((resolve) => {
    onAbort = () => {
      controller.abort();
      resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' });
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (remaining !== undefined) {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'timeout' });
      }, remaining);
    }
  });

  const running = Promise.resolve()
    .then(() => exec({ args, signal: controller.signal, timeoutMs: remaining }))
    .catch((error: unknown): ExecOutput => ({
      stdout: '',
      stderr: error instanceof Error ? error.message : String(error),
      exitCode: null,
    }));

  try {
    const output = await Promise.race([running, stopped]);
    return {
      output,
      record: { argv: [...args], exitCode: output.exitCode, stdout: output.stdout, stderr: output.stderr },
    };
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) options.signal?.removeEventListener('abort', onAbort);
  }
}
