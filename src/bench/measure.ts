/**
 * The timed runs over the same references: Arch Matrix's inspectMany (through whichever ExecPort
 * the caller gives: via docker as in Docker Desktop, or the Node adapter's default), and the naive loop
 * (`docker buildx imagetools inspect --format '{{json .}}'`, one image after another).
 * Each run records wall time, the CPU time of the docker processes it started, and the proxy's request counts.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { InspectResult, Platform } from '../core/index.js';
import { inspectMany } from '../commands/inspectMany.js';
import type { ExecPort } from '../commands/execPort.js';
import type { KindCounts, RequestCounter } from './proxy.js';

const run = promisify(execFile);

export interface RunStats {
  readonly name: string;
  readonly seconds: number;
  /** CPU seconds (user + system) of the child processes, from /proc/self/stat; undefined off Linux. */
  readonly childCpuSeconds?: number;
  readonly counts: KindCounts;
  readonly byRepository: ReadonlyMap<string, KindCounts>;
  /** Images whose inspection failed (must be 0 for the numbers to mean anything). */
  readonly failures: readonly string[];
}

/** cutime + cstime of this process (waited-for children), in seconds. */
export function childCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime field 17.
    const cutime = Number(fields[13]);
    const cstime = Number(fields[14]);
    return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

async function timed(name: string, counter: RequestCounter, body: () => Promise<string[]>): Promise<RunStats> {
  counter.reset();
  const cpu0 = childCpuSeconds();
  const t0 = performance.now();
  const failures = await body();
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = childCpuSeconds();
  return {
    name,
    seconds,
    childCpuSeconds: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined,
    counts: { ...counter.total },
    byRepository: new Map([...counter.byRepository].map(([repo, counts]) => [repo, { ...counts }])),
    failures,
  };
}

export interface ArchMatrixRun {
  readonly stats: RunStats;
  readonly results: readonly InspectResult[];
}

/** Verdicts that say the registry answered. */
const ANSWERED = new Set(['ready', 'missing-platforms', 'incompatible', 'unsupported-os']);

export async function runArchMatrix(
  refs: readonly string[],
  exec: ExecPort,
  counter: RequestCounter,
  options: { concurrency?: number; host: Platform; label?: string },
): Promise<ArchMatrixRun> {
  let results: InspectResult[] = [];
  const label = `${options.label ?? 'Arch Matrix'} (concurrency ${options.concurrency ?? 'default'})`;
  const stats = await timed(label, counter, async () => {
    results = await inspectMany(
      exec,
      refs.map((reference) => ({ reference })),
      { host: options.host, concurrency: options.concurrency },
    );
    return results
      .filter((r) => !ANSWERED.has(r.verdict))
      .map((r) => `${r.reference}: ${r.verdict} ${r.failure?.message ?? ''}`.trim());
  });
  return { stats, results };
}

/** What `docker buildx imagetools inspect --format '{{json .}}'` users write: one image after another. */
export async function runNaiveLoop(
  docker: string,
  refs: readonly string[],
  env: NodeJS.ProcessEnv,
  counter: RequestCounter,
): Promise<RunStats> {
  return timed('naive sequential loop', counter, async () => {
    const failures: string[] = [];
    for (const ref of refs) {
      try {
        const { stdout } = await run(docker, ['buildx', 'imagetools', 'inspect', ref, '--format', '{{json .}}'], {
          env,
          maxBuffer: 64 * 1024 * 1024,
        });
        JSON.parse(stdout);
      } catch (error) {
        failures.push(`${ref}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    return failures;
  });
}

/** One `docker buildx version`: what starting the docker CLI and the buildx plugin costs here. */
export async function processCost(
  docker: string,
  env: NodeJS.ProcessEnv,
  times: number,
): Promise<{ seconds: number; cpuSeconds?: number }> {
  await run(docker, ['buildx', 'version'], { env });
  const cpu0 = childCpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < times; i += 1) await run(docker, ['buildx', 'version'], { env });
  const seconds = (performance.now() - t0) / 1000 / times;
  const cpu1 = childCpuSeconds();
  return { seconds, cpuSeconds: cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) / times : undefined };
}
