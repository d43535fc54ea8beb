/**
 * Runs action.yml's composite steps the way a GitHub runner does, without `act` (it needs Docker Hub):
 * each `run` step as `bash --noprofile --norc -eo pipefail FILE` with the step's `env:` (its
 * `${{ inputs.* }}` / `${{ steps.*.outputs.* }}` resolved by the harness, as the runner resolves them),
 * GITHUB_ACTION_PATH, RUNNER_TEMP and the runner's files (GITHUB_OUTPUT per step, GITHUB_ENV,
 * GITHUB_STEP_SUMMARY). Workflow commands on stdout are consumed as the runner does: `::add-mask::`
 * masks a value in the log, `::stop-commands::T` ... `::T::` suspends them, `::error`/`::warning`/
 * `::notice` become annotations. `uses:` steps are skipped (listed in `skipped`). `node` and `docker`
 * are wrapped so that every argv they get is recorded. Steps run in a workspace folder of their own.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
}
interface ActionFile {
  readonly inputs: Record<string, { readonly default?: string; readonly required?: boolean }>;
  readonly outputs: Record<string, { readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly properties: string;
  readonly message: string;
}

export interface ActionRun {
  /** The exit status of the step that failed, or 0. */
  readonly status: number;
  /** The log as the runner shows it: stdout and stderr of every step, commands consumed, masks applied. */
  readonly log: string;
  /** Everything the steps printed, before the runner's processing (for the password check). */
  readonly raw: string;
  readonly annotations: readonly Annotation[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Every argv `node` and `docker` were started with. */
  readonly argv: readonly string[][];
  readonly skipped: readonly string[];
  readonly temp: string;
}

export function loadAction(path = 'action.yml'): ActionFile {
  return parse(readFileSync(path, 'utf8')) as ActionFile;
}

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

function resolve(text: string, inputs: Record<string, string>, steps: Map<string, Record<string, string>>): string {
  return text.replace(EXPRESSION, (_all, expr: string) => {
    const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (input) return inputs[input[1] ?? ''] ?? '';
    const output = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (output) return steps.get(output[1] ?? '')?.[output[2] ?? ''] ?? '';
    throw new Error(`the harness does not evaluate \${{ ${expr} }}`);
  });
}

/** name=value lines and name<<DELIM heredocs, as the runner reads GITHUB_OUTPUT and GITHUB_ENV. */
export function readCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i += 1) body.push(lines[i] ?? '');
      out[heredoc[1] ?? ''] = body.join('\n');
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

function shims(dir: string, argvLog: string, env: NodeJS.ProcessEnv): string {
  mkdirSync(dir, { recursive: true });
  const which = (cmd: string): string =>
    spawnSync('sh', ['-c', `command -v ${cmd}`], { env, encoding: 'utf8' }).stdout.trim();
  for (const cmd of ['node', 'docker']) {
    const real = cmd === 'node' ? process.execPath : which(cmd);
    if (real === '') continue;
    const file = join(dir, cmd);
    writeFileSync(
      file,
      `#!/bin/sh\nprintf '%s\\0' ${cmd} "$@" >> '${argvLog}'\nprintf '\\n' >> '${argvLog}'\nexec '${real}' "$@"\n`,
    );
    chmodSync(file, 0o755);
  }
  return dir;
}

/** The runner's processing of one step's stdout: masks, stop-commands, annotations. */
function processCommands(stdout: string, masks: string[], annotations: Annotation[]): string {
  const shown: string[] = [];
  let stopped: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      else shown.push(line);
      continue;
    }
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (command === null) {
      shown.push(line);
      continue;
    }
    const [, name = '', properties = '', message = ''] = command;
    if (name === 'add-mask') masks.push(message);
    else if (name === 'stop-commands') stopped = message;
    else if (name === 'error' || name === 'warning' || name === 'notice')
      annotations.push({ level: name, properties, message: message.replace(/%0A/g, '\n').replace(/%25/g, '%') });
    else shown.push(line);
  }
  return shown.join('\n');
}

export function runAction(
  inputsGiven: Record<string, string>,
  options: { readonly env: NodeJS.ProcessEnv; readonly actionPath: string },
): ActionRun {
  const action = loadAction(join(options.actionPath, 'action.yml'));
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = inputsGiven[name] ?? spec.default ?? '';
  const temp = mkdtempSync(join(tmpdir(), 'archmatrix-action-'));
  const argvLog = join(temp, 'argv.log');
  writeFileSync(argvLog, '');
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const shimDir = shims(join(temp, 'shims'), argvLog, options.env);
  const workspace = join(temp, 'workspace');
  mkdirSync(workspace);
  const steps = new Map<string, Record<string, string>>();
  const jobEnv: Record<string, string> = {};
  const masks: string[] = [];
  const annotations: Annotation[] = [];
  const skipped: string[] = [];
  let log = '';
  let raw = '';
  let status = 0;
  for (const [n, step] of action.runs.steps.entries()) {
    if (step.uses !== undefined) {
      skipped.push(step.uses);
      continue;
    }
    if (step.run === undefined) continue;
    if (step.run.includes('${{')) throw new Error(`step ${step.id ?? n} has an expression inside run:`);
    const outputFile = join(temp, `output-${n}`);
    const envFile = join(temp, `env-${n}`);
    writeFileSync(outputFile, '');
    writeFileSync(envFile, '');
    const script = join(temp, `step-${n}.sh`);
    writeFileSync(script, step.run);
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, resolve(String(v), inputs, steps)]),
    );
    const out = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      // The job's workspace: relative paths (an output file) land there, never in this repository.
      cwd: workspace,
      env: {
        GITHUB_WORKSPACE: workspace,
        ...options.env,
        ...jobEnv,
        ...stepEnv,
        PATH: `${shimDir}:${options.env.PATH ?? ''}`,
        GITHUB_ACTION_PATH: options.actionPath,
        GITHUB_ACTIONS: 'true',
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_ENV: envFile,
        GITHUB_STEP_SUMMARY: summaryFile,
      },
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    raw += out.stdout + out.stderr;
    log += `${processCommands(out.stdout, masks, annotations)}\n${out.stderr}`;
    if (step.id !== undefined) steps.set(step.id, readCommandFile(readFileSync(outputFile, 'utf8')));
    Object.assign(jobEnv, readCommandFile(readFileSync(envFile, 'utf8')));
    if (out.status !== 0) {
      status = out.status ?? 1;
      break;
    }
  }
  for (const mask of masks.filter((m) => m !== '')) log = log.split(mask).join('***');
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, spec]) => [name, resolve(spec.value, inputs, steps)]),
  );
  const argv = readFileSync(argvLog, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\0').filter((part) => part !== ''));
  return { status, log, raw, annotations, outputs, summary: readFileSync(summaryFile, 'utf8'), argv, skipped, temp };
}
