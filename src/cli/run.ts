/**
 * The CLI's flow, with every outside dependency passed in (testable with a fake ExecPort):
 * arguments -> environment check -> targets -> inspectMany -> table or JSON -> exit code.
 */
import type { InspectResult, Report, Result } from '../core/index.js';
import {
  compareRows,
  describeFailure,
  failingFindings,
  hostOsOf,
  hostPlatform,
  imageFindings,
  rowOrderKey,
} from '../core/index.js';
import type { ExecPort } from '../commands/execPort.js';
import type { InspectTarget } from '../commands/inspectImage.js';
import { inspectMany } from '../commands/inspectMany.js';
import { deepCheckMany } from '../deepCheck/deepCheck.js';
import type { PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import type { LocalFailure, LocalSource } from '../localStore/index.js';
import { deepSources } from './deepSources.js';
import { listInstalledExtensions } from '../commands/listExtensions.js';
import { checkEnvironment, environmentNotices } from '../commands/environment.js';
import type { InspectCommand } from './args.js';
import { parseCliArgs } from './args.js';
import type { ExitCode } from './exitCode.js';
import { EXIT_ENVIRONMENT, EXIT_OK, EXIT_REQUIREMENT_FAILED, EXIT_USAGE, exitCodeFor } from './exitCode.js';
import { HELP } from './help.js';
import { checkAll, platformCheckFor, platformSourceOf, type RegistryPlatformCheckFactory } from './platformSource.js';
import { createProgress, noProgress, showProgress } from './progress.js';
import { nodeReportFiles, type ReportFiles } from './reportFiles.js';
import { renderReport } from './renderReport.js';
import { validatedImages } from './validateStep.js';
import type { LabelsReader } from '../validate/validateImage.js';
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
  /** process.platform of this machine (darwin, win32, linux): whose host binaries the answers judge; absent: unknown. */
  readonly nodePlatform?: string;
  readonly exec: ExecPort;
  readonly version: () => string;
  readonly signal?: AbortSignal;
  /** The registry reader for --deep (docker's stored logins); made on first use. */
  readonly deepReader: () => VariantFileReader;
  /** --deep without references: the engine's local image store (this machine's variant); absent: registries only. */
  readonly localSource?: () => Result<LocalSource, LocalFailure>;
  /**
   * The registry reader's platform check, used when there is no docker CLI (e.g. inside the extension's
   * image); without it, a missing docker CLI stops the run (exit 3).
   */
  readonly registryPlatformCheck?: RegistryPlatformCheckFactory;
  /** --validate: the labels of an image's variant, from its registry (docker's stored logins). */
  readonly labelsReader?: () => LabelsReader;
  /** Where --output files are checked and written (default: the file system, atomically). */
  readonly files?: ReportFiles;
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
  const files = io.files ?? nodeReportFiles;
  // Every --output is checked before anything runs: a typo in a path costs nothing.
  for (const output of command.outputs) {
    const problem = await files.check(output.path);
    if (problem !== undefined) {
      io.stderr.write(`archmatrix: --output ${printable(output.path)}: ${printable(problem)}\n`);
      return EXIT_USAGE;
    }
  }
  const environment = await checkEnvironment(io.exec, { signal: io.signal });
  const source = platformSourceOf(environment);
  const registryCheck = source === 'registry-api' ? io.registryPlatformCheck : undefined;
  if (source === 'registry-api' && (command.references.length === 0 || registryCheck === undefined)) {
    for (const notice of environmentNotices(environment))
      io.stderr.write(`archmatrix: ${notice.title}. ${notice.message}\n`);
    if (environment.detail !== undefined) io.stderr.write(`  ${printable(environment.detail)}\n`);
    return EXIT_ENVIRONMENT;
  }
  if (source === 'registry-api') io.stderr.write(`archmatrix: ${REGISTRY_SOURCE_NOTICE}\n`);
  // An unreachable engine is not fatal here: typed references only need the registry.
  else
    for (const notice of environmentNotices(environment).filter((n) => n.id !== 'engine-unreachable')) {
      io.stderr.write(`archmatrix: ${notice.title}. ${notice.message}\n`);
    }
  const collected = await collectTargets(io, command);
  if (!collected.ok) return collected.code;
  const { targets } = collected;

  const progress = showProgress(command.progress, io.stderr.isTTY === true)
    ? createProgress(io.stderr, targets.length, io.stderr.isTTY === true, io.stderr.columns)
    : noProgress;
  const options = { host: command.host, timeoutMs: command.timeoutMs };
  const check = platformCheckFor(source, io.exec, targets, options, registryCheck);
  const onResult = (result: InspectResult): void => progress.onResult(result);
  const results: InspectResult[] =
    command.deep && check !== undefined
      ? await deepResults(io, command, targets, check, onResult)
      : source === 'registry-api' && check !== undefined
        ? await checkAll(check, targets, { concurrency: command.concurrency, signal: io.signal, onResult })
        : await inspectMany(io.exec, targets, {
            buildx: environment.buildx,
            onResult,
            ...options,
            concurrency: command.concurrency,
            signal: io.signal,
          });
  progress.done();

  const labels = io.labelsReader?.();
  const images =
    command.validate && labels !== undefined
      ? await validatedImages(results, { labels, reader: io.deepReader() }, io.signal)
      : results.map((result) => ({ result }));
  const report: Report = {
    images,
    required: command.require,
    ...(command.host ? { host: command.host } : {}),
    ...(hostOsOf(io.nodePlatform) !== undefined ? { hostOs: hostOsOf(io.nodePlatform) } : {}),
    platformSource: source,
    version: io.version(),
  };
  const paint = useColor(io.stdout.isTTY === true, io.env, command.color === 'never') ? ansi : plain;
  const input = {
    report,
    tableRows: tableOrder(results, targets),
    table: { paint, verbose: command.verbose },
    validate: command.validate,
  };
  io.stdout.write(renderReport(command.outputs.length === 0 ? command.format : 'table', input));
  for (const output of command.outputs) {
    try {
      await files.write(
        output.path,
        renderReport(output.format, { ...input, table: { ...input.table, paint: plain } }),
      );
    } catch (error) {
      io.stderr.write(`archmatrix: --output: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      return EXIT_USAGE;
    }
  }
  const requirement = exitCodeFor(results, command.require);
  const findings = report.images.flatMap((image) => imageFindings(image, report.host));
  const failing = failingFindings(findings, command.failOn);
  if (failing.length > 0 && command.failOn !== undefined)
    io.stderr.write(
      `archmatrix: --fail-on ${command.failOn}: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above it\n`,
    );
  return requirement !== EXIT_OK || failing.length === 0 ? requirement : EXIT_REQUIREMENT_FAILED;
}

/** Said on stderr when there is no docker CLI and the registries are read directly. */
export const REGISTRY_SOURCE_NOTICE =
  "no docker CLI on PATH: reading platforms straight from the registries' HTTP API, with the logins in DOCKER_CONFIG (config.json)";

/**
 * --deep: each target's platform check (from the chosen source, as without --deep) and then its files:
 * for the installed extensions this machine's variant from the local image store (--all-variants: the
 * others from their registries), for references every variant through the registry reader; backend
 * images get the same platform check.
 */
async function deepResults(
  io: CliIo,
  command: InspectCommand,
  targets: readonly InspectTarget[],
  platformCheck: PlatformCheck,
  onResult: (result: InspectResult) => void,
): Promise<InspectResult[]> {
  const said = new Set<string>();
  const sources = deepSources({
    command,
    platformCheck,
    registry: io.deepReader,
    ...(io.localSource !== undefined ? { local: io.localSource } : {}),
    notice: (text) => {
      if (!said.has(text)) io.stderr.write(`archmatrix: ${printable(text)}\n`);
      said.add(text);
    },
  });
  try {
    return await deepCheckMany(
      targets.map((t) => t.reference),
      { platformCheck: sources.platformCheck, reader: sources.reader, site: 'cli' },
      {
        onResult,
        concurrency: command.concurrency,
        signal: io.signal,
        // --timeout bounds each image's whole deep check (index, reads, backend images), not only its platform check.
        deadlineMs: command.timeoutMs,
        ...(sources.platforms !== undefined ? { platforms: sources.platforms } : {}),
      },
    );
  } finally {
    await sources.close();
  }
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
