/**
 * What the steps of one inspection share: the port, the caller's signal, the image's deadline,
 * and the list of commands run so far (kept in the result for the details view).
 */
import { classifyFailure, describeCommand } from '../core/index.js';
import type { CommandFailure, CommandRecord, ManifestSummary, ParseError, Platform, Result } from '../core/index.js';
import type { ExecOutput, ExecPort } from './execPort.js';
import { runCommand } from './run.js';

export interface InspectContext {
  readonly exec: ExecPort;
  readonly signal?: AbortSignal;
  readonly deadline?: number;
  readonly records: CommandRecord[];
}

/** What one way of asking (registry via buildx, registry via docker manifest, local store) found. */
export type Lookup =
  | { readonly ok: true; readonly platforms: readonly Platform[]; readonly manifest?: ManifestSummary }
  | { readonly ok: false; readonly failure: CommandFailure; readonly output?: ExecOutput };

/** A fresh context whose deadline is `timeoutMs` from now. */
export function newContext(exec: ExecPort, timeoutMs: number, signal?: AbortSignal): InspectContext {
  return { exec, records: [], deadline: Date.now() + timeoutMs, signal };
}

export async function runIn(ctx: InspectContext, args: readonly string[]): Promise<ExecOutput> {
  const { output, record } = await runCommand(ctx.exec, args, { signal: ctx.signal, deadline: ctx.deadline });
  if (record !== undefined) ctx.records.push(record);
  return output;
}

export function succeeded(output: ExecOutput): boolean {
  return output.exitCode === 0 && output.interrupted === undefined;
}

export function failureOf(output: ExecOutput): CommandFailure {
  return classifyFailure({ stderr: output.stderr, exitCode: output.exitCode, interrupted: output.interrupted });
}

/** A command that succeeded but printed something the core could not read. */
export function unreadable(args: readonly string[], error: ParseError): CommandFailure {
  return { kind: 'error', message: `could not read the output of \`${describeCommand(args)}\`: ${error.message}` };
}

/** Run, then parse stdout; any failure becomes a Lookup failure. */
export async function runAndParse<T>(
  ctx: InspectContext,
  args: readonly string[],
  parse: (stdout: string) => Result<T, ParseError>,
): Promise<
  | { readonly ok: true; readonly value: T; readonly stdout: string }
  | { readonly ok: false; readonly failure: CommandFailure; readonly output: ExecOutput }
> {
  const output = await runIn(ctx, args);
  if (!succeeded(output)) return { ok: false, failure: failureOf(output), output };
  const parsed = parse(output.stdout);
  if (!parsed.ok) return { ok: false, failure: unreadable(args, parsed.error), output };
  return { ok: true, value: parsed.value, stdout: output.stdout };
}
