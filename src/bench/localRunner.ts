/**
 * One measured `archmatrix` run in a process of its own (localBench.ts starts it), so that each run's
 * peak RSS is its own: `node dist/node/bench/localRunner.js local|registry DELAY_MS ARGS...` runs the CLI
 * as `archmatrix ARGS...` runs it (cli/main.ts's wiring), with counters around its two readers, and
 * prints one JSON line (RunnerFigures) on stdout instead of the CLI's output. Every request of the deep
 * check's registry reader waits DELAY_MS first (a registry far away, as the proxy of the other parts).
 *  - local:    the CLI as shipped: this machine's variant from the engine's local image store;
 *  - registry: the same run with a store that holds nothing, so the CLI reads the same variants
 *              from their registries (its documented fallback), the rest unchanged.
 * A measurement, never a test: nothing is asserted.
 */
import { arch } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createNodeExec } from '../adapters/nodeExec.js';
import { dockerConfigCredentials } from '../adapters/dockerCredentials.js';
import { err, ok, type JsonRow, type Result } from '../core/index.js';
import { localSourceFromEnv, type LocalFailure, type LocalSource } from '../localStore/index.js';
import {
  createRegistryReader,
  registryImageLabels,
  registryPlatformCheck,
  type FetchLike,
  type RegistryReader,
} from '../registry/index.js';
import { runCli } from '../cli/run.js';
import { readVersion } from '../runtime/version.js';

export type RunnerMode = 'local' | 'registry';

/** What one run did, as the runner prints it (one JSON line). */
export interface RunnerFigures {
  readonly mode: RunnerMode;
  readonly exitCode: number;
  /** From the CLI's start to its output: every row settled. */
  readonly seconds: number;
  readonly rows: number;
  /** Rows whose deep check judged the inside (deep.status 'checked'). */
  readonly checked: number;
  /** Variants whose files were read, over all rows. */
  readonly variantsRead: number;
  /** Host-binary entries by source ("local 9, registry 0"). */
  readonly sources: Readonly<Record<string, number>>;
  readonly verdicts: Readonly<Record<string, number>>;
  /** Blob GETs of the registry reader, and the bytes their bodies brought (layers, counted on the wire). */
  readonly registryBlobGets: number;
  readonly registryBytes: number;
  /** What each row's deep check counted as downloaded (deep.bytesRead), by reference: the reader's own count. */
  readonly bytesReadByRow: Readonly<Record<string, number>>;
  /** Exports the engine streamed (GET /images/{name}/get), and their bytes. */
  readonly exports: number;
  readonly exportedBytes: number;
  /** process.resourceUsage().maxRSS of this process, in KiB. */
  readonly maxRssKiB: number;
  /** What the CLI said on stderr (notices), for the log. */
  readonly stderr: string;
}

/** A fetch that waits `delayMs` per request and counts blob GETs and the bytes of their bodies as they stream. */
function countingFetch(delayMs: number): { fetch: FetchLike; blobGets: () => number; bytes: () => number } {
  let blobGets = 0;
  let bytes = 0;
  const fetchCounted: FetchLike = async (input, init) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const answer = await fetch(input, init);
    if (!/\/blobs\/sha256:[a-f0-9]{64}$/.test(input.pathname) || answer.body === null) return answer;
    blobGets += 1;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(answer.body.pipeThrough(counter), {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };
  return { fetch: fetchCounted, blobGets: () => blobGets, bytes: () => bytes };
}

/** A local image store that holds nothing: every variant falls back to its registry. */
const emptyStore: LocalSource = {
  stats: { exports: 0, bytesExported: 0, reused: 0 },
  readVariant: () =>
    Promise.resolve(err({ kind: 'not-in-engine', message: 'the benchmark reads this run from the registry' })),
  readImage: () =>
    Promise.resolve(err({ kind: 'not-in-engine', message: 'the benchmark reads this run from the registry' })),
  close: () => Promise.resolve(),
};

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function rowsOf(stdout: string): JsonRow[] {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return Array.isArray(parsed) ? (parsed as JsonRow[]) : [];
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const [modeArg, delayArg = '', ...argv] = process.argv.slice(2);
  if ((modeArg !== 'local' && modeArg !== 'registry') || !/^\d+$/.test(delayArg))
    throw new Error('usage: localRunner.js local|registry DELAY_MS ARGS...');
  const mode: RunnerMode = modeArg;
  const counted = countingFetch(Number(delayArg));
  const credentials = dockerConfigCredentials({ env: process.env });
  let reader: RegistryReader | undefined;
  let local: Result<LocalSource, LocalFailure> | undefined;
  let out = '';
  let said = '';
  const started = performance.now();
  const exitCode = await runCli({
    argv,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (said += text) },
    env: process.env,
    nodeArch: arch(),
    exec: createNodeExec({ env: process.env, buildx: 'direct' }),
    version: () => readVersion(),
    deepReader: () => (reader ??= createRegistryReader({ credentials, fetch: counted.fetch })),
    localSource: () =>
      (local ??= mode === 'local' ? localSourceFromEnv(process.env.DOCKER_HOST) : ok<LocalSource>(emptyStore)),
    labelsReader: () => registryImageLabels({ credentials }),
    registryPlatformCheck: (options) => registryPlatformCheck({ credentials, ...options }),
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = rowsOf(out);
  const store = local?.ok === true ? local.value.stats : emptyStore.stats;
  const figures: RunnerFigures = {
    mode,
    exitCode,
    seconds,
    rows: rows.length,
    checked: rows.filter((r) => r.deep?.status === 'checked').length,
    variantsRead: rows.reduce((n, r) => n + (r.deep?.variants.length ?? 0), 0),
    sources: tally(rows.flatMap((r) => (r.hostBinaries ?? []).map((b) => b.source ?? 'registry'))),
    verdicts: tally(rows.map((r) => r.verdict)),
    registryBlobGets: counted.blobGets(),
    registryBytes: counted.bytes(),
    bytesReadByRow: Object.fromEntries(rows.map((r) => [r.reference, r.deep?.bytesRead ?? 0])),
    exports: store.exports,
    exportedBytes: store.bytesExported,
    maxRssKiB: process.resourceUsage().maxRSS,
    stderr: said,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`localRunner: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
