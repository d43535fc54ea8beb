/**
 * The CLI's flow, with every outside dependency passed in (testable with a fake ExecPort):
 * arguments -> environment check -> targets -> inspectMany -> table or JSON -> exit code.
 */
import type { InspectResult } from '../core/index.js';
import { compareRows, describeFailure, hostPlatform, rowOrderKey } from '../core/index.js';
import type { ExecPort } from '../commands/execPort.js';
import type { InspectTarget } from '../commands/inspectImage.js';
import { inspectImage } from '../commands/inspectImage.js';
import { inspectMany } from '../commands/inspectMany.js';
import type { BuildxState } from '../commands/environment.js';
import { deepCheckMany } from '../deepCheck/deepCheck.js';
import type { VariantFileReader } from '../deepCheck/ports.js';
import { listInstalledExtensions } from '../commands/listExtensions.js';
import { checkEnvironment, environmentNotices } from '../commands/environment.js';
import type { InspectCommand } from './args.js';
import { parseCliArgs } from './args.js';
import type { ExitCode } from './exitCode.js';
import { EXIT_ENVIRONMENT, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exitCode.js';
import { HELP } from './help.js';
import { createProgress, noProgress, showProgress } from './progress.js';
import { renderJson } from './renderJson.js';
import { renderTable } from './renderTable.js';
import { ansi, plain, printable, useColor } from './text.js';

export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly argv: readonly string[];
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: NodeJS.ProcessEnv;
  /** os.arch() of this machine. */
  readonly nodeArch: string;
  readonly exec: ExecPort;
  readonly version: () => string;
  readonly signal?: AbortSignal;
  /** The registry reader for --deep (docker's stored logins); made on first use. */
  readonly deepReader: () => VariantFileReader;
}

type Targets =
  { readonly ok: true; readonly targets: InspectTarget[] } | { readonly ok: false; readonly code: ExitCode };

async function collectTargets(io: CliIo, command: InspectCommand): Promise<Targets> {
  if (command.references.length > 0)
    return { ok: true, targets: command.references.map((reference) => ({ reference })) };
  const listed = await listInstalledExtensions(io.exec, { signal: io.signal });
  if (!listed.ok) {
    io.stderr.write(`archmatrix: could not list the installed extensions: ${describeFailure(listed.error)}\n`);
    if (listed.error.message !== '') io.stderr.write(`  ${printable(listed.error.message)}\n`);
    return { ok: false, code: EXIT_ENVIRONMENT };
  }
  return { ok: true, targets: listed.value.map((e) => ({ reference: e.reference, local: e.image })) };
}

async function inspect(io: CliIo, command: InspectCommand): Promise<ExitCode> {
  const environment = await checkEnvironment(io.exec, { signal: io.signal });
  // An unreachable engine is not fatal here: typed references only need the registry.
  for (const notice of environmentNotices(environment).filter((n) => n.id !== 'engine-unreachable')) {
    io.stderr.write(`archmatrix: ${notice.title}. ${notice.message}\n`);
  }
  if (environment.engine === 'tool-missing') {
    if (environment.detail !== undefined) io.stderr.write(`  ${printable(environment.detail)}\n`);
    return EXIT_ENVIRONMENT;
  }
  const collected = await collectTargets(io, command);
  if (!collected.ok) return collected.code;
  const { targets } = collected;

  const progress = showProgress(command.progress, io.stderr.isTTY === true)
    ? createProgress(io.stderr, targets.length, io.stderr.isTTY === true, io.stderr.columns)
    : noProgress;
  const results: InspectResult[] = command.deep
    ? await deepResults(io, command, targets, environment.buildx, (result) => progress.onResult(result))
    : await inspectMany(io.exec, targets, {
        buildx: environment.buildx,
        onResult: (result) => progress.onResult(result),
        host: command.host,
        concurrency: command.concurrency,
        timeoutMs: command.timeoutMs,
        signal: io.signal,
      });
  progress.done();

  if (command.json) {
    io.stdout.write(renderJson(results, command.require));
  } else {
    const paint = useColor(io.stdout.isTTY === true, io.env, command.color === 'never') ? ansi : plain;
    io.stdout.write(
      renderTable(tableOrder(results, targets), {
        required: command.require,
        paint,
        host: command.host,
        verbose: command.verbose,
      }),
    );
  }
  return exitCodeFor(results, command.require);
}

/**
 * --deep: each target's platform check (imagetools, as without --deep) and then its files through the
 * registry reader; backend images get the same platform check.
 */
function deepResults(
  io: CliIo,
  command: InspectCommand,
  targets: readonly InspectTarget[],
  buildx: BuildxState,
  onResult: (result: InspectResult) => void,
): Promise<InspectResult[]> {
  const byReference = new Map(targets.map((t) => [t.reference, t]));
  return deepCheckMany(
    targets.map((t) => t.reference),
    {
      platformCheck: (reference, signal) =>
        inspectImage(io.exec, byReference.get(reference) ?? { reference }, {
          buildx,
          host: command.host,
          timeoutMs: command.timeoutMs,
          signal,
        }),
      reader: io.deepReader(),
      site: 'cli',
    },
    // --timeout bounds each image's whole deep check (index, reads, backend images), not only its platform check.
    { onResult, concurrency: command.concurrency, signal: io.signal, deadlineMs: command.timeoutMs },
  );
}

/** The table's rows in the tab's order (the core's compareRows: worst verdict first, then by title or reference); --json keeps input order. */
export function tableOrder(results: readonly InspectResult[], targets: readonly InspectTarget[]): InspectResult[] {
  const labels = new Map(targets.map((t) => [t.reference, t.local?.labels]));
  return results
    .map((result) => ({ result, key: rowOrderKey(result.verdict, result.reference, labels.get(result.reference)) }))
    .sort((a, b) => compareRows(a.key, b.key))
    .map((keyed) => keyed.result);
}

export async function runCli(io: CliIo): Promise<ExitCode> {
  const parsed = parseCliArgs(io.argv, hostPlatform(io.nodeArch));
  if (!parsed.ok) {
    for (const message of parsed.error.messages) io.stderr.write(`archmatrix: ${printable(message)}\n`);
    io.stderr.write('Run `archmatrix --help` for usage.\n');
    return EXIT_USAGE;
  }
  const command = parsed.value;
  if (command.kind === 'help') {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (command.kind === 'version') {
    io.stdout.write(`archmatrix ${io.version()}\n`);
    return EXIT_OK;
  }
  return inspect(io, command);
}
