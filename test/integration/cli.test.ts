/**
 * The built `archmatrix` CLI as a real child process against the project's test environment
 * (real engine, buildx, open and login-only registries, seeded corpus). `docker` is the environment's
 * CLI, found first on PATH.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '@core/index.js';
import { loadTestEnv } from '../env/testEnv.js';
import {
  CORPUS_TAG,
  corpusReference,
  ENGINE_CORPUS,
  LOCAL_ONLY_IMAGE,
  OPEN_CORPUS,
  type CorpusName,
} from '../support/corpus.js';
import { ensureCliBuilt, runCli } from '../support/cliProcess.js';
import { loggedInConfig } from '../support/loggedInConfig.js';

const env = loadTestEnv();
const corpus = (name: CorpusName): string => corpusReference(env.openRegistry, name);
const PRIVATE = `${env.authRegistry}/private/good:${CORPUS_TAG}`;
const CLOSED = corpusReference(env.closedRegistry, 'good');
const MISSING = `${env.openRegistry}/corpus/does-not-exist:${CORPUS_TAG}`;
const LOCAL = env.localOnly;
const BOTH = 'linux/amd64,linux/arm64';

/** On a linux/amd64 host: what each image's construction implies. */
const EXPECTED: readonly (readonly [string, Verdict, readonly string[]])[] = [
  ...OPEN_CORPUS.map((image) => [corpus(image.name), image.verdict.amd64, image.platforms] as const),
  [PRIVATE, 'unauthorized', []],
  [CLOSED, 'unreachable', []],
  [MISSING, 'not-found', []],
  [LOCAL, LOCAL_ONLY_IMAGE.verdict, LOCAL_ONLY_IMAGE.platforms],
];

interface Row {
  reference: string;
  verdict: Verdict;
  platforms: string[];
  message: string;
  fix: string | null;
  requirement: { status: string; missing: string[] } | null;
}

const parseRows = (stdout: string): Row[] => JSON.parse(stdout) as Row[];

beforeAll(() => ensureCliBuilt(), 300_000);

describe('archmatrix CLI on the real engine and registries', () => {
  it('prints the verdict every image implies (--json)', () => {
    const out = runCli(['--json', '--host-platform', 'linux/amd64', ...EXPECTED.map(([ref]) => ref)], env.env);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const rows = parseRows(out.stdout);
    expect(rows.map((r) => [r.reference, r.verdict])).toEqual(EXPECTED.map(([ref, verdict]) => [ref, verdict]));
    for (const [i, [, , platforms]] of EXPECTED.entries())
      expect([...(rows[i]?.platforms ?? [])].sort()).toEqual([...platforms].sort());
    for (const row of rows) expect(row.message.length).toBeGreaterThan(0);
    expect(rows[1]?.fix).toContain('--platform=linux/amd64,linux/arm64');
  });

  it('the login-only registry answers after docker login', () => {
    const login = loggedInConfig(env);
    try {
      const out = runCli(['--json', PRIVATE], login.env);
      expect(parseRows(out.stdout).map((r) => r.verdict)).toEqual(['ready']);
    } finally {
      login.remove();
    }
  });

  it('without references, inspects the extension images installed in the engine', () => {
    const out = runCli(['--json', '--host-platform', 'linux/amd64'], env.env);
    expect(out.status).toBe(0);
    const byRef = new Map(parseRows(out.stdout).map((r) => [r.reference, r.verdict]));
    for (const image of ENGINE_CORPUS) expect(byRef.get(corpus(image.name)), image.name).toBe(image.verdict.amd64);
    expect(byRef.get(LOCAL)).toBe('local-only');
  });

  // Each case: the references with the requirement status each must get, the --require value, the exit code.
  it.each([
    [
      [
        [corpus('good'), 'met'],
        [corpus('legacy-list'), 'met'],
        [corpus('windows-entry'), 'met'],
      ],
      BOTH,
      0,
    ],
    [
      [
        [corpus('good'), 'met'],
        [corpus('amd64-only'), 'missing-platforms'],
      ],
      BOTH,
      1,
    ],
    [[[corpus('amd64-only'), 'met']], 'linux/amd64', 0],
    [[[corpus('arm64-only-attested'), 'met']], 'linux/arm64/v8', 0],
    [[[corpus('many-platforms'), 'met']], 'linux/arm/v7,linux/s390x', 0],
    [[[corpus('good'), 'missing-platforms']], 'linux/arm/v7', 1],
    [
      [
        [corpus('good'), 'met'],
        [CLOSED, 'not-inspected'],
      ],
      BOTH,
      1,
    ],
    [[[PRIVATE, 'not-inspected']], BOTH, 1],
    [[[LOCAL, 'not-published']], 'linux/amd64', 1],
  ] as const)('--require gates %j on %s with exit %i', (cases, required, status) => {
    const out = runCli(['--json', '--require', required, ...cases.map(([ref]) => ref)], env.env);
    expect(out.status).toBe(status);
    // One row per reference, in order, each with its own requirement status.
    expect(parseRows(out.stdout).map((r) => [r.reference, r.requirement?.status])).toEqual(
      cases.map(([ref, expected]) => [ref, expected]),
    );
  });

  it('prints an aligned table without colour when stdout is not a terminal, progress only with --progress', () => {
    const plain = runCli([corpus('good'), corpus('amd64-only')], env.env);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^IMAGE\s+THIS MACHINE\s+VERDICT\s+linux\/amd64\s+linux\/arm64/);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stderr).toBe('');
    const withProgress = runCli(['--progress', corpus('good'), corpus('amd64-only')], env.env);
    expect(withProgress.stderr).toContain('[2/2]');
    expect(withProgress.stdout).toBe(plain.stdout);
  });

  it('--help, --version and bad usage', () => {
    expect(runCli(['--help'], env.env).stdout).toContain('--require');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(runCli(['--version'], env.env).stdout).toBe(`archmatrix ${pkg.version}\n`);
    expect(runCli(['--concurrency', '0', corpus('good')], env.env).status).toBe(2);
  });
});

describe('archmatrix never runs docker for bad input', () => {
  let dir = '';
  let log = '';
  let fakeEnv: NodeJS.ProcessEnv = {};
  beforeAll(() => {
    // A `docker` first on PATH that only records that it was called. The CLI starts the buildx plugin
    // directly (not through docker), so DOCKER_CONFIG points at a fake plugin that records to the same log:
    // neither can be bypassed silently.
    dir = mkdtempSync(join(tmpdir(), 'archmatrix-fake-docker-'));
    log = join(dir, 'calls.log');
    writeFileSync(join(dir, 'docker'), `#!/bin/sh\necho "docker $*" >> '${log}'\nexit 1\n`);
    chmodSync(join(dir, 'docker'), 0o755);
    mkdirSync(join(dir, 'config', 'cli-plugins'), { recursive: true });
    writeFileSync(
      join(dir, 'config', 'cli-plugins', 'docker-buildx'),
      `#!/bin/sh\necho "plugin $*" >> '${log}'\nexit 1\n`,
    );
    chmodSync(join(dir, 'config', 'cli-plugins', 'docker-buildx'), 0o755);
    fakeEnv = { ...env.env, PATH: `${dir}:${env.env.PATH ?? ''}`, DOCKER_CONFIG: join(dir, 'config') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the fake docker and fake plugin do record calls (a valid reference reaches them)', () => {
    rmSync(log, { force: true });
    runCli([corpus('good')], fakeEnv);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines).toContain('docker version --format=json');
    // `buildx version`, sent to the plugin without the leading "buildx".
    expect(lines).toContain('plugin version');
  });

  it.each([
    ['a;rm -rf /'],
    ['$(id)'],
    ['`id`'],
    ['name with spaces'],
    ['"quoted"'],
    ["o'brien/x"],
    ['UPPER/Case:1'],
    // (--output is an option of its own now: --out-file stands for any option that does not exist.)
    ['--out-file=x'],
    ['-x'],
  ])('%j exits 2 and docker is never called', (ref) => {
    rmSync(log, { force: true });
    const out = runCli([corpus('good'), ref], fakeEnv);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.length).toBeGreaterThan(0);
    expect(existsSync(log)).toBe(false);
  });

  it('after --, an option-looking reference is an invalid reference (exit 2, no docker)', () => {
    rmSync(log, { force: true });
    const out = runCli(['--', '--output=x'], fakeEnv);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('invalid reference');
    expect(existsSync(log)).toBe(false);
  });
});

describe('archmatrix without docker', () => {
  it('with references, reads the registries directly and says so (docker is not on PATH)', () => {
    const out = spawnSync(process.execPath, ['dist/node/cli/main.js', '--json', '--no-progress', corpus('good')], {
      env: { ...env.env, PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain("no docker CLI on PATH: reading platforms straight from the registries' HTTP API");
    expect((JSON.parse(out.stdout) as { verdict: string }[])[0]?.verdict).toBe('ready');
  });

  it('without references (the installed extensions) exits 3 with a clear message when docker is not on PATH', () => {
    const out = spawnSync(process.execPath, ['dist/node/cli/main.js'], {
      env: { ...env.env, PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(3);
    expect(out.stderr).toContain('docker CLI was not found');
  });
});
