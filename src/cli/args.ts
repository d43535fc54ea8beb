/**
 * Command-line arguments -> a typed command, or a usage error. Pure: no I/O, never throws.
 * References are validated here, all of them, before anything runs (exit 2 on any invalid one).
 */
import { parseArgs } from 'node:util';
import type { Platform, PlatformKey, ReferenceError } from '../core/index.js';
import { err, ok, parsePlatformSpecifier, parseReference, platformKey } from '../core/index.js';
import type { FailOn, Result } from '../core/index.js';
import { parseFailOn, parseFormat, parseOutputs, type ReportFormat, type ReportOutput } from './reportArgs.js';

export type ProgressMode = 'auto' | 'always' | 'never';
export type ColorMode = 'auto' | 'never';

export interface InspectCommand {
  readonly kind: 'inspect';
  /** References as typed, every one valid (parseReference); empty = inspect the installed extension images. */
  readonly references: readonly string[];
  /** Platforms every image must have (--require), normalised and de-duplicated. */
  readonly require: readonly PlatformKey[];
  /** The report on stdout is JSON (--json, or --format json without --output). */
  readonly json: boolean;
  /** --format: the report's format (table by default; --json is json). */
  readonly format: ReportFormat;
  /** --output: files the report is written to (then stdout gets the table). */
  readonly outputs: readonly ReportOutput[];
  /** --fail-on: the lowest level of finding that fails the run; undefined: only --require and --validate's errors. */
  readonly failOn?: FailOn;
  /** --validate: also check docker extension validate's rules (labels, metadata.json, platforms, semver tag). */
  readonly validate: boolean;
  /** --deep: also read inside every linux variant (host binaries, backend images). */
  readonly deep: boolean;
  /**
   * --all-variants (with --deep, without references): besides this machine's variant, read from the local
   * image store, read the other variants from their registries. Set only when given.
   */
  readonly allVariants?: true;
  /** --verbose: the registry's own words under each failed image (otherwise one human line). */
  readonly verbose: boolean;
  readonly progress: ProgressMode;
  readonly color: ColorMode;
  /** Images inspected at once; undefined = the command layer's default. */
  readonly concurrency?: number;
  /** Per-image timeout; undefined = the command layer's default. */
  readonly timeoutMs?: number;
  /** The platform installs are judged against; undefined when the host architecture is unknown. */
  readonly host?: Platform;
}

export type CliCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | InspectCommand;

export interface UsageError {
  readonly kind: 'usage';
  /** One line per problem, for stderr. */
  readonly messages: readonly string[];
}

export const MAX_CONCURRENCY = 64;
export const MAX_TIMEOUT_SECONDS = 3600;

const OPTIONS = {
  require: { type: 'string', short: 'r' },
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  validate: { type: 'boolean' },
  deep: { type: 'boolean' },
  'all-variants': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  concurrency: { type: 'string', short: 'c' },
  timeout: { type: 'string', short: 't' },
  'host-platform': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const usage = (messages: readonly string[]): { readonly ok: false; readonly error: UsageError } =>
  err({ kind: 'usage', messages });

/** "linux/amd64,linux/arm64" or docker's short forms "amd64,arm64" -> normalised keys, or the reasons the list is not valid. */
export function parsePlatformList(text: string): Result<PlatformKey[], string[]> {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.every((part) => part === ''))
    return err(['--require needs at least one platform, e.g. linux/amd64,linux/arm64']);
  const keys: PlatformKey[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const parsed = parsePlatformSpecifier(part);
    if (!parsed.ok) problems.push(`--require: ${JSON.stringify(part)} is not a platform (${parsed.error.message})`);
    else if (!keys.includes(platformKey(parsed.value))) keys.push(platformKey(parsed.value));
  }
  return problems.length > 0 ? err(problems) : ok(keys);
}

/** Whole number in [1, MAX_CONCURRENCY]. */
export function parseConcurrency(text: string): Result<number, string> {
  if (!/^\d+$/.test(text)) return err(`--concurrency: ${JSON.stringify(text)} is not a whole number`);
  const value = Number(text);
  if (value < 1 || value > MAX_CONCURRENCY) return err(`--concurrency must be between 1 and ${MAX_CONCURRENCY}`);
  return ok(value);
}

/** "30", "30s", "1.5s", "500ms" -> milliseconds; a bare number is seconds. */
export function parseTimeout(text: string): Result<number, string> {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (match === null) return err(`--timeout: ${JSON.stringify(text)} is not a duration (e.g. 30, 30s, 500ms)`);
  const ms = match[2] === 'ms' ? Number(match[1]) : Number(match[1]) * 1000;
  if (ms < 1 || ms > MAX_TIMEOUT_SECONDS * 1000)
    return err(`--timeout must be between 1ms and ${MAX_TIMEOUT_SECONDS}s`);
  return ok(Math.round(ms));
}

/** Every reference, or every reason: one invalid reference fails the whole run before any command. */
export function validateReferences(inputs: readonly string[]): Result<string[], ReferenceError[]> {
  const valid: string[] = [];
  const invalid: ReferenceError[] = [];
  for (const input of inputs) {
    const parsed = parseReference(input);
    if (parsed.ok) valid.push(input);
    else invalid.push(parsed.error);
  }
  return invalid.length > 0 ? err(invalid) : ok(valid);
}

function parseRaw(
  argv: readonly string[],
): Result<ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>, string> {
  try {
    return ok(parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}

/**
 * argv (without node and the script) -> what to do.
 * `defaultHost` is the platform of this machine (from os.arch()), used unless --host-platform is given.
 */
export function parseCliArgs(
  argv: readonly string[],
  defaultHost: Platform | undefined,
): Result<CliCommand, UsageError> {
  const raw = parseRaw(argv);
  if (!raw.ok) return usage([raw.error]);
  const { values, positionals } = raw.value;
  if (values.help === true) return ok({ kind: 'help' });
  if (values.version === true) return ok({ kind: 'version' });

  const problems: string[] = [];
  let require: PlatformKey[] = [];
  if (values.require !== undefined) {
    const parsed = parsePlatformList(values.require);
    if (parsed.ok) require = parsed.value;
    else problems.push(...parsed.error);
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    const parsed = parseConcurrency(values.concurrency);
    if (parsed.ok) concurrency = parsed.value;
    else problems.push(parsed.error);
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const parsed = parseTimeout(values.timeout);
    if (parsed.ok) timeoutMs = parsed.value;
    else problems.push(parsed.error);
  }
  let host = defaultHost;
  if (values['host-platform'] !== undefined) {
    const parsed = parsePlatformSpecifier(values['host-platform']);
    if (parsed.ok) host = parsed.value;
    else
      problems.push(
        `--host-platform: ${JSON.stringify(values['host-platform'])} is not a platform (${parsed.error.message})`,
      );
  }
  if (values['all-variants'] === true && values.deep !== true)
    problems.push('--all-variants needs --deep (it says which variants the deep check reads)');
  const format = parseFormat(values.format, values.json === true);
  if (!format.ok) problems.push(format.error);
  const outputs = parseOutputs(values.output ?? [], format.ok ? format.value : 'table');
  if (!outputs.ok) problems.push(...outputs.error);
  let failOn: FailOn | undefined;
  if (values['fail-on'] !== undefined) {
    const parsed = parseFailOn(values['fail-on']);
    if (parsed.ok) failOn = parsed.value;
    else problems.push(parsed.error);
  }
  if (values.validate === true && positionals.length === 0)
    problems.push('--validate needs the references to validate (the pushed images, e.g. me/my-extension:1.2.0)');
  if (values.progress === true && values['no-progress'] === true)
    problems.push('--progress and --no-progress contradict each other');
  const references = validateReferences(positionals);
  if (!references.ok) {
    for (const e of references.error) problems.push(`invalid reference ${JSON.stringify(e.input)}: ${e.reason}`);
  }
  if (problems.length > 0 || !references.ok || !format.ok || !outputs.ok) return usage(problems);

  return ok({
    kind: 'inspect',
    references: references.value,
    require,
    json: format.value === 'json' && outputs.value.length === 0,
    format: format.value,
    outputs: outputs.value,
    ...(failOn !== undefined ? { failOn } : {}),
    validate: values.validate === true,
    deep: values.deep === true,
    ...(values['all-variants'] === true ? { allVariants: true as const } : {}),
    verbose: values.verbose === true,
    progress: values.progress === true ? 'always' : values['no-progress'] === true ? 'never' : 'auto',
    color: values['no-color'] === true ? 'never' : 'auto',
    concurrency,
    timeoutMs,
    host,
  });
}
