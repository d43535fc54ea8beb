/**
 * `npm run bench -- [--images N] [--delay MS] [--concurrency 6,12] [--registry HOST:PORT] [--docker-only]
 *  [--deep-only] [--local-only] [--no-deep] [--no-local] [--rounds N]`
 * and the docker environment: the project's test environment (TESTENV_DIR, TESTENV_PORT, the same
 * defaults as test/env/testEnv.ts) unless DOCKER_CONFIG is already set (e.g. after `eval "$(test/env/testenv env)"`).
 * The three parts (platforms, deep, local) all run by default; each --*-only flag picks its part, and
 * several pick several (--deep-only --local-only: both deep parts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly images: number;
  readonly delayMs: number;
  /** One Arch Matrix run per value; undefined = the command layer's default. */
  readonly concurrency: readonly (number | undefined)[];
  /** The open registry holding the corpus, host:port. */
  readonly registry: string;
  readonly docker: string;
  readonly env: NodeJS.ProcessEnv;
  /** Also time the Node adapter's default (CLI, browser mode): the buildx plugin run directly. */
  readonly nodeAdapter: boolean;
  /** The platform check part (inspectMany against the naive loop); off with any --*-only. */
  readonly platforms: boolean;
  /** The deep check part over the deep corpus in the registry (deepBench.ts); off with --no-deep. */
  readonly deep: boolean;
  /** The installed deep check, local store against registry (localBench.ts); off with --no-local. */
  readonly local: boolean;
  /** How often the local part makes each of its runs (the median is shown). */
  readonly rounds: number;
  /** The test environment's second engine (TESTENV_ENGINE28_HOST), measured by the local part too. */
  readonly secondEngine?: { readonly docker: string; readonly env: NodeJS.ProcessEnv };
}

function positiveInt(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new Error(`--${name}: expected a whole number from 1 to ${max}, got ${JSON.stringify(text)}`);
  return Number(text);
}

function dockerEnv(base: NodeJS.ProcessEnv): { docker: string; env: NodeJS.ProcessEnv } {
  if (base.DOCKER_CONFIG !== undefined) return { docker: 'docker', env: base };
  const dir = base.TESTENV_DIR ?? '/tmp/archmatrix-testenv';
  if (!existsSync(join(dir, 'docker-config'))) {
    throw new Error(
      `no test environment in ${dir}: run \`bash test/env/testenv up\` (or set DOCKER_CONFIG and --registry)`,
    );
  }
  return {
    docker: join(dir, 'bin', 'docker'),
    env: {
      ...base,
      DOCKER_HOST: `unix://${join(dir, 'docker.sock')}`,
      DOCKER_CONFIG: join(dir, 'docker-config'),
      PATH: `${join(dir, 'bin')}:${base.PATH ?? '/usr/bin:/bin'}`,
    },
  };
}

export function parseBenchOptions(argv: readonly string[], base: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      images: { type: 'string' },
      delay: { type: 'string' },
      concurrency: { type: 'string' },
      registry: { type: 'string' },
      'docker-only': { type: 'boolean' },
      'deep-only': { type: 'boolean' },
      'local-only': { type: 'boolean' },
      'no-deep': { type: 'boolean' },
      'no-local': { type: 'boolean' },
      rounds: { type: 'string' },
    },
    strict: true,
  });
  const concurrency =
    values.concurrency === undefined
      ? [undefined]
      : values.concurrency
          .split(',')
          .map((part) => (part === 'default' ? undefined : positiveInt('concurrency', part, 64)));
  const delayMs = values.delay === undefined ? 50 : /^\d+$/.test(values.delay) ? Number(values.delay) : Number.NaN;
  if (!Number.isFinite(delayMs) || delayMs > 10_000)
    throw new Error(`--delay: expected milliseconds (0-10000), got ${JSON.stringify(values.delay)}`);
  const registry = values.registry ?? `127.0.0.1:${base.TESTENV_PORT ?? '5100'}`;
  if (!/^[a-z0-9.-]+:\d+$/.test(registry))
    throw new Error(`--registry: expected HOST:PORT, got ${JSON.stringify(registry)}`);
  const only = values['deep-only'] === true || values['local-only'] === true;
  const docker = dockerEnv(base);
  const second = secondEngine(base, docker.env);
  return {
    images: values.images === undefined ? 40 : positiveInt('images', values.images, 99),
    delayMs,
    concurrency,
    registry,
    nodeAdapter: values['docker-only'] !== true,
    platforms: !only,
    deep: only ? values['deep-only'] === true : values['no-deep'] !== true,
    local: only ? values['local-only'] === true : values['no-local'] !== true,
    rounds: values.rounds === undefined ? 1 : positiveInt('rounds', values.rounds, 9),
    ...docker,
    ...(second !== undefined ? { secondEngine: second } : {}),
  };
}

/** TESTENV_ENGINE28_HOST's engine (a unix:// socket that is there), with its own docker CLI first on PATH. */
function secondEngine(
  base: NodeJS.ProcessEnv,
  env: NodeJS.ProcessEnv,
): { docker: string; env: NodeJS.ProcessEnv } | undefined {
  const host = base.TESTENV_ENGINE28_HOST;
  if (host === undefined || !host.startsWith('unix://') || !existsSync(host.slice('unix://'.length))) return undefined;
  const bin = join(base.TESTENV_DIR ?? '/tmp/archmatrix-testenv', 'bin28');
  const own = existsSync(join(bin, 'docker'));
  return {
    docker: own ? join(bin, 'docker') : 'docker',
    env: { ...env, DOCKER_HOST: host, PATH: own ? `${bin}:${env.PATH ?? '/usr/bin:/bin'}` : env.PATH },
  };
}
