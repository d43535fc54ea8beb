/**
 * `npm run bench`: Arch Matrix's inspectMany, via docker as Docker Desktop runs it and with the Node
 * adapter's default (the buildx plugin run directly: CLI, browser mode), against a naive sequential loop of
 * `docker buildx imagetools inspect --format '{{json .}}'`, over the same N images, through a
 * loopback proxy that adds latency to every registry request and counts them. Then the deep check over the
 * registry's deep corpus (deepBench.ts), and the installed extensions' deep check from the engine's local
 * store against the registry (localBench.ts). Not a test: it prints numbers.
 */
import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { parsePlatform } from '../core/index.js';
import type { RunStats } from './measure.js';
import { processCost, runArchMatrix, runNaiveLoop } from './measure.js';
import { findBuildxPlugin } from '../adapters/buildxPlugin.js';
import { createNodeExec } from '../adapters/nodeExec.js';
import { parseBenchOptions, type BenchOptions } from './options.js';
import { runDeepBench } from './deepBench.js';
import { runLocalBench } from './localBench.js';
import { startDelayProxy } from './proxy.js';
import { renderReport } from './report.js';
import { CORPUS_TAG, prepareImages } from './setup.js';

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);
  const code = options.platforms ? await platformBench(options, log) : 0;
  if (options.deep)
    process.stdout.write(await runDeepBench({ registry: options.registry, delayMs: options.delayMs, log }));
  if (options.local)
    process.stdout.write(
      await runLocalBench({
        engine: { docker: options.docker, env: options.env },
        ...(options.secondEngine !== undefined ? { secondEngine: options.secondEngine } : {}),
        delayMs: options.delayMs,
        rounds: options.rounds,
        log,
      }),
    );
  return code;
}

async function platformBench(options: BenchOptions, log: (text: string) => void): Promise<number> {
  const [host, port] = options.registry.split(':');

  log(`preparing ${options.images} repositories bench/NN-<corpus> in ${options.registry}`);
  const images = await prepareImages(options.registry, options.images);
  const buildx = (await promisify(execFile)(options.docker, ['buildx', 'version'], { env: options.env })).stdout.trim();
  const hostPlatform = parsePlatform('linux/amd64');
  if (!hostPlatform.ok) throw new Error(hostPlatform.error.message);

  const proxy = await startDelayProxy({ host: host ?? '127.0.0.1', port: Number(port) }, options.delayMs);
  try {
    const refs = images.map((img) => `${proxy.address}/${img.repository}:${CORPUS_TAG}`);
    log(`proxy ${proxy.address} -> ${options.registry}, +${options.delayMs} ms per request`);
    const loadBefore = loadavg()[0] ?? 0;
    const cost = await processCost(options.docker, options.env, 5);
    const archMatrix: RunStats[] = [];
    for (const concurrency of options.concurrency) {
      log(`Arch Matrix via docker (Docker Desktop path), concurrency ${concurrency ?? 'default'} ...`);
      const exec = createNodeExec({ docker: options.docker, env: options.env, buildx: 'via-docker' });
      const { stats } = await runArchMatrix(refs, exec, proxy.counter, {
        host: hostPlatform.value,
        label: 'Docker Desktop path: via docker',
        concurrency,
      });
      archMatrix.push(stats);
      log(`  ${stats.seconds.toFixed(2)} s`);
    }
    const plugin = options.nodeAdapter ? findBuildxPlugin(options.env) : undefined;
    let nodeAdapter: RunStats | undefined;
    if (plugin !== undefined) {
      const concurrency = options.concurrency.at(-1);
      log(`Arch Matrix CLI/browser mode default: buildx plugin run directly (${plugin}) ...`);
      const exec = createNodeExec({ docker: options.docker, env: options.env, buildx: 'direct' });
      nodeAdapter = (
        await runArchMatrix(refs, exec, proxy.counter, {
          host: hostPlatform.value,
          label: 'CLI/browser mode: plugin direct',
          concurrency,
        })
      ).stats;
      log(`  ${nodeAdapter.seconds.toFixed(2)} s`);
    }
    log('naive loop ...');
    const naive = await runNaiveLoop(options.docker, refs, options.env, proxy.counter);
    log(`  ${naive.seconds.toFixed(2)} s`);
    process.stdout.write(
      renderReport({
        images,
        delayMs: options.delayMs,
        cpus: availableParallelism(),
        load: [loadBefore, loadavg()[0] ?? 0],
        buildx,
        process: cost,
        archMatrix,
        naive,
        nodeAdapter,
      }),
    );
    return [...archMatrix, naive, ...(nodeAdapter !== undefined ? [nodeAdapter] : [])].some(
      (s) => s.failures.length > 0,
    )
      ? 1
      : 0;
  } finally {
    await proxy.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
