/**
 * The stand-in's ddClient.docker.cli.exec, with both of Docker Desktop's forms:
 * - promise form: resolves to an ExecResult on exit 0, rejects with it on another exit code
 *   (as Docker Desktop does) and with an Error when no command could run;
 * - stream form (options.stream): returns an ExecProcess at once; onOutput, then onClose(exitCode),
 *   or onError when no command could run. close() aborts the request and the server kills docker.
 * As in Docker Desktop, `exec(cmd, args)` runs `docker cmd ...args` (cmd is the docker subcommand).
 * The server applies Docker Desktop's argument splitting to the promise form only.
 */
import type { v1 } from '@docker/extension-api-client-types';
import { ACCESS_REFUSED_CODE } from '../../core/failure.js';
import { toExecResult } from './execResult.js';
import type { ExecForm, ExecReply } from '../../wire/standinProtocol.js';
import type { PostExec, TransportResult } from './transport.js';

/** Told about transport failures (e.g. to show the "wrong key" banner once). */
export type FailureListener = (result: Extract<TransportResult, { ok: false }>) => void;

const isSpawn = (options: v1.ExecOptions | v1.SpawnOptions | undefined): options is v1.SpawnOptions =>
  options !== undefined && 'stream' in options;

const rawResult = (reply: ExecReply): v1.RawExecResult => ({
  cmd: ['docker', ...reply.argv].join(' '),
  stdout: reply.stdout,
  stderr: reply.stderr,
  ...(reply.exitCode === null ? { killed: true } : { code: reply.exitCode }),
});

/** Why nothing ran, or why the server stopped the command, as the Error Docker Desktop would give. */
function failureOf(result: TransportResult): Error | undefined {
  // A refused key (HTTP 401) is marked apart: no command ran, and the engine was never asked.
  if (!result.ok)
    return result.kind === 'unauthorized'
      ? Object.assign(new Error(result.message), { code: ACCESS_REFUSED_CODE })
      : new Error(result.message);
  const { interrupted, stderr } = result.reply;
  if (interrupted === 'spawn-failed') return Object.assign(new Error(stderr), { code: 'ENOENT' });
  if (interrupted === 'timeout') return new Error('the browser-mode server stopped the command: it ran too long');
  return undefined;
}

type Outcome = { readonly ok: true; readonly reply: ExecReply } | { readonly ok: false; readonly error: Error };

const outcomeOf = (result: TransportResult): Outcome => {
  const failure = failureOf(result);
  if (failure !== undefined || !result.ok) return { ok: false, error: failure ?? new Error('no command ran') };
  return { ok: true, reply: result.reply };
};

function emitLines(text: string, split: boolean, emit: (chunk: string) => void): void {
  if (text === '') return;
  if (!split) return emit(text);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) emit(line);
}

export function createExec(post: PostExec, onFailure: FailureListener = () => undefined): v1.Exec {
  const send = async (
    cmd: string,
    args: readonly string[],
    form: ExecForm,
    signal: AbortSignal,
  ): Promise<TransportResult> => {
    const result = await post({ args: [cmd, ...args], form }, signal);
    if (!result.ok && result.kind !== 'aborted') onFailure(result);
    return result;
  };

  function runStream(cmd: string, args: string[], stream: v1.ExecStreamOptions): v1.ExecProcess {
    const controller = new AbortController();
    void send(cmd, args, 'stream', controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      const outcome = outcomeOf(result);
      if (!outcome.ok) return stream.onError?.(outcome.error);
      const split = stream.splitOutputLines === true;
      emitLines(outcome.reply.stdout, split, (stdout) => stream.onOutput?.({ stdout }));
      emitLines(outcome.reply.stderr, split, (stderr) => stream.onOutput?.({ stderr }));
      stream.onClose?.(outcome.reply.exitCode ?? -1);
    });
    return { close: () => controller.abort() };
  }

  async function runPromise(cmd: string, args: string[]): Promise<v1.ExecResult> {
    const outcome = outcomeOf(await send(cmd, args, 'exec', new AbortController().signal));
    if (!outcome.ok) throw outcome.error;
    const result = toExecResult(rawResult(outcome.reply));
    if (outcome.reply.exitCode !== 0) throw result;
    return result;
  }

  return execForms(runStream, runPromise);
}

/**
 * ddClient's overloaded exec from its two forms: with `{stream}` options the stream form (an
 * ExecProcess), otherwise the promise form.
 */
export function execForms(
  stream: (cmd: string, args: string[], listener: v1.SpawnOptions['stream']) => v1.ExecProcess,
  promise: (cmd: string, args: string[]) => Promise<v1.ExecResult>,
): v1.Exec {
  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(
    cmd: string,
    args: string[],
    options?: v1.ExecOptions | v1.SpawnOptions,
  ): Promise<v1.ExecResult> | v1.ExecProcess {
    return isSpawn(options) ? stream(cmd, args, options.stream) : promise(cmd, args);
  }
  return exec;
}
