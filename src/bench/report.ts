/** The benchmark's printed report. Pure: numbers in, text out. */
import type { KindCounts } from './proxy.js';
import { REQUEST_KINDS } from './proxy.js';
import type { RunStats } from './measure.js';
import type { BenchImage } from './setup.js';

export interface PerImage {
  readonly requests: number;
  /** Manifest GETs per index image (several platforms behind one tag): mean and max. */
  readonly indexManifestGetsMean: number;
  readonly indexManifestGetsMax: number;
  /** Same for single-manifest images. */
  readonly singleManifestGetsMean: number;
}

const sumKinds = (c: KindCounts): number => REQUEST_KINDS.reduce((n, k) => n + c[k], 0);

export function perImage(stats: RunStats, images: readonly BenchImage[]): PerImage {
  const gets = (img: BenchImage): number => stats.byRepository.get(img.repository)?.['manifest-get'] ?? 0;
  const index = images.filter((i) => i.index).map(gets);
  const single = images.filter((i) => !i.index).map(gets);
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    requests: images.length === 0 ? 0 : sumKinds(stats.counts) / images.length,
    indexManifestGetsMean: mean(index),
    indexManifestGetsMax: index.length === 0 ? 0 : Math.max(...index),
    singleManifestGetsMean: mean(single),
  };
}

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
  );
}

const f = (n: number, digits = 2): string => n.toFixed(digits);

export interface ReportInput {
  readonly images: readonly BenchImage[];
  readonly delayMs: number;
  readonly cpus: number;
  /** 1-minute load average before and after the runs: other work on the machine skews the times. */
  readonly load: readonly [number, number];
  readonly buildx: string;
  readonly process: { readonly seconds: number; readonly cpuSeconds?: number };
  readonly archMatrix: readonly RunStats[];
  readonly naive: RunStats;
  /** Arch Matrix as the CLI and browser mode run it: the buildx plugin started directly (Docker Desktop cannot). */
  readonly nodeAdapter?: RunStats;
}

export function renderReport(input: ReportInput): string {
  const { images, naive } = input;
  const runs = [...input.archMatrix, ...(input.nodeAdapter !== undefined ? [input.nodeAdapter] : []), naive];
  const best = input.archMatrix.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const indexCount = images.filter((i) => i.index).length;
  const lines: string[] = [
    `Arch Matrix benchmark: ${images.length} images (${indexCount} indexes/manifest lists, ${images.length - indexCount} single manifests), ` +
      `${input.delayMs} ms added per registry request, ${input.cpus} CPUs, ${input.buildx}`,
    `Load average (1 min) before / after: ${f(input.load[0])} / ${f(input.load[1])}${Math.max(...input.load) > input.cpus ? ' (busy machine: times are inflated)' : ''}`,
    `Starting \`docker buildx version\` here: ${f(input.process.seconds)} s wall` +
      (input.process.cpuSeconds !== undefined
        ? `, ${f(input.process.cpuSeconds)} s CPU (docker CLI + plugin metadata + plugin: 3 processes)`
        : ''),
    '',
    ...table([
      ['run', 'seconds', 'child CPU s', 'requests', 'req/image', 'manifest GET/index', 'max', 'manifest GET/single'],
      ...runs.map((s) => {
        const p = perImage(s, images);
        return [
          s.name,
          f(s.seconds),
          s.childCpuSeconds !== undefined ? f(s.childCpuSeconds) : 'n/a',
          String(sumKinds(s.counts)),
          f(p.requests, 1),
          f(p.indexManifestGetsMean),
          String(p.indexManifestGetsMax),
          f(p.singleManifestGetsMean),
        ];
      }),
    ]),
    '',
    'Requests by kind:',
    ...table([
      ['run', ...REQUEST_KINDS],
      ...runs.map((s) => [s.name, ...REQUEST_KINDS.map((k) => String(s.counts[k]))]),
    ]),
    '',
    `Ratio (naive / fastest Docker Desktop path run, ${best.name}): ${f(naive.seconds / best.seconds, 1)}x faster (target: >= 12x with 40 images at 50 ms)`,
  ];
  const bestPer = perImage(best, images);
  lines.push(
    `Manifest GETs per index image (Arch Matrix): ${f(bestPer.indexManifestGetsMean)} mean, ${bestPer.indexManifestGetsMax} max (target: at most 1)`,
  );
  if (best.childCpuSeconds !== undefined) {
    lines.push(
      `CPU floor: Arch Matrix's docker processes used ${f(best.childCpuSeconds)} CPU s, i.e. >= ${f(best.childCpuSeconds / input.cpus)} s on ${input.cpus} CPUs ` +
        `(${f((best.childCpuSeconds / best.seconds / input.cpus) * 100, 0)}% of all CPUs during the run).`,
    );
  }
  if (input.nodeAdapter !== undefined) {
    const e = input.nodeAdapter;
    lines.push(
      `CLI and browser mode (default): buildx plugin run without the docker CLI (1 process per command instead of 3; the Docker Desktop path cannot): ` +
        `${f(e.seconds)} s, ${e.childCpuSeconds !== undefined ? `${f(e.childCpuSeconds)} CPU s, ` : ''}${f(naive.seconds / e.seconds, 1)}x faster than the loop.`,
    );
  }
  for (const s of runs) for (const failure of s.failures) lines.push(`FAILED (${s.name}): ${failure}`);
  return `${lines.join('\n')}\n`;
}
