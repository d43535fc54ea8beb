/** The printed table of the local-store part of `npm run bench` (localBench.ts). Pure: figures in, text out. */
import type { RunnerFigures } from './localRunner.js';
import { table } from './report.js';

export interface LocalRun {
  /** "local store, this machine's variant". */
  readonly name: string;
  /** The command it stands for, for the notes ("archmatrix --deep"). */
  readonly command: string;
  /** The run the report shows (with several rounds: the median by seconds). */
  readonly figures: RunnerFigures;
  /** Every round's figures, fastest first (absent or one entry for one round). */
  readonly rounds?: readonly RunnerFigures[];
}

export interface LocalReportInput {
  /** Engine version and image store of each engine measured ("26.1.5, containerd image store"). */
  readonly engines: readonly string[];
  /** Added to every request of the deep check's registry reader. */
  readonly delayMs: number;
  readonly cpus: number;
  readonly load: readonly [number, number];
  readonly runs: readonly LocalRun[];
  /** An idle run in the same runner (`archmatrix --version`): Node and the CLI loaded, nothing checked. */
  readonly idle?: RunnerFigures;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const kibToMib = (kib: number): string => (kib / 1024).toFixed(0);
const counts = (record: Readonly<Record<string, number>>): string =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || 'none';

export function renderLocalReport(input: LocalReportInput): string {
  const lines: string[] = [
    '',
    `Deep check of the installed extensions: the engine's local store against the registry (${input.engines.join('; ')}; ` +
      `+${input.delayMs} ms per request of the deep check's registry reader; ${input.cpus} CPUs, load ${input.load[0].toFixed(2)} / ${input.load[1].toFixed(2)} before / after), one process per run:`,
    '',
    ...table([
      [
        'run',
        'rows checked',
        'variants read',
        'seconds',
        'MiB from registries',
        'blob GETs',
        'MiB exported by engine',
        'exports',
        'peak RSS MiB',
      ],
      ...input.runs.map(({ name, figures: f }) => [
        name,
        `${f.checked} of ${f.rows}`,
        String(f.variantsRead),
        f.seconds.toFixed(2),
        mib(f.registryBytes),
        String(f.registryBlobGets),
        mib(f.exportedBytes),
        String(f.exports),
        kibToMib(f.maxRssKiB),
      ]),
    ]),
    '',
  ];
  for (const { name, command, figures: f, rounds: all } of input.runs) {
    const rounds =
      all !== undefined && all.length > 1
        ? `; ${all.length} rounds (median by seconds shown): ${all.map((r) => r.seconds.toFixed(2)).join(', ')} s, ` +
          `${all.map((r) => mib(r.registryBytes)).join(', ')} MiB from registries`
        : '';
    lines.push(
      `${name} (${command}): exit ${f.exitCode}; verdicts ${counts(f.verdicts)}; host binaries read from ${counts(f.sources)}${rounds}.`,
    );
  }
  if (input.idle !== undefined)
    lines.push(`Idle run (archmatrix --version in the same runner): peak RSS ${kibToMib(input.idle.maxRssKiB)} MiB.`);
  lines.push(
    'Seconds: from the CLI start (listing, platform checks, deep checks) until every row is settled. MiB from registries: ' +
      "the bodies of the deep check's blob GETs (layers), counted as they stream; platform checks (buildx, manifests) are not in it. " +
      'Layers shared by several images are downloaded once when their reads do not overlap in time (one reader and its ' +
      'cache per run), so that figure varies between rounds. ' +
      'MiB exported by engine: the bytes of GET /images/{name}/get the local source streamed.',
  );
  return `${lines.join('\n')}\n`;
}
