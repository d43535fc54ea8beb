/**
 * The local-store part of `npm run bench` (`--local-only` runs it alone): the deep check of the installed
 * extensions, `archmatrix --deep` as shipped (this machine's variant from the engine's local image store),
 * against the same check reading the same variants from their registries, and the --all-variants runs of
 * both; the same four on a second engine when the test environment has one (Engine 28, classic image
 * store). Each run is a process of its own (localRunner.ts), so each peak RSS is its own. Measured,
 * never asserted.
 */
import { execFile, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LocalRun } from './localReport.js';
import { renderLocalReport } from './localReport.js';
import type { RunnerFigures, RunnerMode } from './localRunner.js';

const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'localRunner.js');
const DEEP = ['--deep', '--json', '--no-progress'];

/** One engine to measure: its environment (DOCKER_HOST, PATH with its docker CLI) and its docker binary. */
export interface BenchEngine {
  readonly docker: string;
  readonly env: NodeJS.ProcessEnv;
}

interface RunSpec {
  readonly name: string;
  readonly command: string;
  readonly mode: RunnerMode;
  readonly args: readonly string[];
  readonly engine: BenchEngine;
}

function isFigures(value: unknown): value is RunnerFigures {
  return typeof value === 'object' && value !== null && 'mode' in value && 'maxRssKiB' in value;
}

/** Starts the runner, waits for it, and reads its one JSON line. */
function runOnce(spec: Pick<RunSpec, 'mode' | 'args' | 'engine'>, delayMs: number): Promise<RunnerFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, spec.mode, String(delayMs), ...spec.args], {
      env: spec.engine.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        const parsed: unknown = JSON.parse(line);
        if (isFigures(parsed)) resolve(parsed);
        else reject(new Error(`the runner printed no figures (exit ${code ?? 'signal'})`));
      } catch {
        reject(new Error(`the runner printed no figures (exit ${code ?? 'signal'}): ${line.slice(0, 200)}`));
      }
    });
  });
}

/** "26.1.5+dfsg1, containerd image store". */
async function describeEngine(engine: BenchEngine): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(
      engine.docker,
      ['info', '--format', '{{.ServerVersion}} {{json .DriverStatus}}'],
      { env: engine.env },
    );
    const [version = '?'] = stdout.trim().split(' ');
    const store = stdout.includes('io.containerd.snapshotter') ? 'containerd image store' : 'classic image store';
    return `Engine ${version}, ${store}`;
  } catch (error) {
    return `an engine that did not say its version (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** The four runs on one engine: local store and registry, this machine's variant and --all-variants. */
function specsFor(engine: BenchEngine, prefix: string): RunSpec[] {
  const notHere = 'the store answering "not here"';
  return [
    { name: `${prefix}local store`, command: 'archmatrix --deep', mode: 'local', args: DEEP, engine },
    {
      name: `${prefix}registry, same variant`,
      command: `archmatrix --deep, ${notHere}`,
      mode: 'registry',
      args: DEEP,
      engine,
    },
    {
      name: `${prefix}local + others from registry`,
      command: 'archmatrix --deep --all-variants',
      mode: 'local',
      args: [...DEEP, '--all-variants'],
      engine,
    },
    {
      name: `${prefix}registry, every variant`,
      command: `archmatrix --deep --all-variants, ${notHere}`,
      mode: 'registry',
      args: [...DEEP, '--all-variants'],
      engine,
    },
  ];
}

export async function runLocalBench(options: {
  readonly engine: BenchEngine;
  readonly secondEngine?: BenchEngine;
  /** Added to every request of the deep check's registry reader. */
  readonly delayMs: number;
  /** Times each run is made, round-robin; the report keeps each run's median by seconds. */
  readonly rounds: number;
  readonly log: (text: string) => void;
}): Promise<string> {
  const { engine, secondEngine, delayMs, log } = options;
  const first = await describeEngine(engine);
  const second = secondEngine !== undefined ? await describeEngine(secondEngine) : undefined;
  const short = (description: string): string => description.replace(/^Engine (\S+?)(\+\S+)?, (\S+).*$/, '$1 $3');
  const specs: RunSpec[] = [
    ...specsFor(engine, second !== undefined ? `${short(first)}: ` : ''),
    ...(secondEngine !== undefined && second !== undefined ? specsFor(secondEngine, `${short(second)}: `) : []),
  ];
  const loadBefore = loadavg()[0] ?? 0;
  const idle = await runOnce({ mode: 'local', args: ['--version'], engine }, delayMs);
  const made = specs.map((): RunnerFigures[] => []);
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const [i, spec] of specs.entries()) {
      log(`local: ${spec.name} (${spec.command}), round ${round} of ${options.rounds} ...`);
      const figures = await runOnce(spec, delayMs);
      for (const line of figures.stderr.split('\n').filter((l) => l !== '')) log(`  ${line}`);
      log(`  ${figures.seconds.toFixed(2)} s`);
      made[i]?.push(figures);
    }
  }
  const runs: LocalRun[] = specs.flatMap((spec, i) => {
    const all = [...(made[i] ?? [])].sort((a, b) => a.seconds - b.seconds);
    const median = all[Math.floor((all.length - 1) / 2)];
    return median === undefined ? [] : [{ name: spec.name, command: spec.command, figures: median, rounds: all }];
  });
  return renderLocalReport({
    engines: second !== undefined ? [first, second] : [first],
    delayMs,
    cpus: availableParallelism(),
    load: [loadBefore, loadavg()[0] ?? 0],
    runs,
    idle,
  });
}
