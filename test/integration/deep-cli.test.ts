/**
 * The deep check end to end: the BUILT `archmatrix --deep` on every image of the deep corpus
 * (test/support/deepCorpus.ts) through the test environment's real registries, each expected host
 * binary finding, backend image and verdict asserted; the private copy unauthorized without a login and
 * right after a real `docker login` into a temporary DOCKER_CONFIG; the backend module's POST /deep on a
 * few corpus images.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '@core/index.js';
import { loadTestEnv } from '../env/testEnv.js';
import { deepCorpus, type DeepCorpusImage } from '../support/deepCorpus.js';
import { ensureCliBuilt, runCli } from '../support/cliProcess.js';
import { loggedInConfig, type LoggedInConfig } from '../support/loggedInConfig.js';

const env = loadTestEnv();
const corpus = deepCorpus(env);
const open = corpus.filter((image) => image.registry === 'open');
const privateCopy = corpus.find((image) => image.registry === 'auth');
const BOTH = 'linux/amd64,linux/arm64';

/** A finding in the corpus's comparable fields, as one line. */
const cell = (f: {
  os: string;
  path: string;
  platform: string;
  state: string;
  found?: string | null;
  warningOnly: boolean;
}): string => `${f.os} ${f.path} ${f.platform} ${f.state} ${f.found ?? '-'}${f.warningOnly ? ' (warning)' : ''}`;
function expectRow(row: JsonRow | undefined, image: DeepCorpusImage): void {
  expect(row, image.key).toBeDefined();
  if (row === undefined) return;
  expect(row.verdict, image.key).toBe(image.verdict);
  expect(row.deep?.status, image.key).toBe('checked');
  expect(row.deep?.platformVerdict, image.key).toBe('ready');
  const got = (row.hostBinaries ?? []).map(cell).sort();
  const wanted = image.hostBinaries.map((b) => cell({ ...b, found: b.found ?? null })).sort();
  expect(got, image.key).toEqual(wanted);
  expect(
    (row.backend ?? []).map((b) => ({
      reference: b.reference,
      source: b.source,
      self: b.self,
      platforms: b.platforms,
      verdict: b.verdict,
    })),
    image.key,
  ).toEqual(
    image.backend.map((b) => ({
      reference: b.reference,
      source: b.source,
      self: b.self,
      platforms: [...b.platforms],
      verdict: b.verdict,
    })),
  );
  if (image.metadata !== 'ok') expect(row.deep?.notes.length, image.key).toBeGreaterThan(0);
}

beforeAll(() => ensureCliBuilt());

describe('archmatrix --deep on the deep corpus (real registries)', () => {
  let rows: JsonRow[] = [];
  let status: number | null = null;

  beforeAll(() => {
    const out = runCli(
      ['--deep', '--json', '--no-progress', '--host-platform', 'linux/amd64', ...open.map((i) => i.reference)],
      env.env,
    );
    status = out.status;
    rows = JSON.parse(out.stdout) as JsonRow[];
  }, 240_000);

  it('answers one row per image, exit 0 without --require', () => {
    expect(status).toBe(0);
    expect(rows.map((r) => r.reference)).toEqual(open.map((i) => i.reference));
  });

  it.each(open.map((image) => [image.key, image] as const))(
    '%s: every expected host binary finding, backend image and verdict',
    (_key, image) => {
      expectRow(
        rows.find((r) => r.reference === image.reference),
        image,
      );
    },
  );

  it('the two new verdicts fail --require linux/amd64,linux/arm64 (exit 1); a ready image meets it (exit 0)', () => {
    const wrong = open.find((i) => i.verdict === 'wrong-host-binary');
    const backend = open.find((i) => i.verdict === 'backend-missing-platforms');
    const ready = open.find((i) => i.name === 'good');
    for (const image of [wrong, backend]) {
      const out = runCli(['--deep', '--no-progress', '--require', BOTH, image?.reference ?? ''], env.env);
      expect(out.status, image?.key).toBe(1);
      expect(out.stdout).toContain('requirement failed: the deep check found a host binary or backend problem');
    }
    expect(runCli(['--deep', '--no-progress', '--require', BOTH, ready?.reference ?? ''], env.env).status).toBe(0);
  }, 120_000);

  it('the table names OS, path, variant, CPU found and wanted', () => {
    const image = open.find((i) => i.name === 'darwin-x64-both');
    const out = runCli(['--deep', '--no-progress', image?.reference ?? ''], env.env);
    // The test environment's host is linux/amd64 on Linux: a macOS binary wrong in linux/arm64 does not touch it.
    expect(out.stdout).toMatch(/deep\/darwin-x64-both:1\.0\.0\s+works here\s+Wrong host binary\s+yes\s+yes/);
    expect(out.stdout).toContain('darwin /darwin/esbuild in linux/arm64: wrong-cpu, found x86_64, wanted arm64');
    expect(out.stdout).toContain('Rosetta 2');
  }, 60_000);
});

describe('archmatrix --deep on the private copy (login-only registry)', () => {
  let login: LoggedInConfig;
  beforeAll(() => {
    login = loggedInConfig(env);
  });
  afterAll(() => login.remove());

  it('without a login: unauthorized, and the row says which docker login to run', () => {
    const out = runCli(['--deep', '--json', '--no-progress', privateCopy?.reference ?? ''], env.env);
    const [row] = JSON.parse(out.stdout) as JsonRow[];
    expect(row?.verdict).toBe('unauthorized');
    expect(row?.deep?.status).toBe('not-checked');
    expect(row?.deep?.fix).toContain(`docker login ${env.authRegistry}`);
    expect(row?.hostBinaries).toBeNull();
  }, 60_000);

  it('after docker login into a temporary DOCKER_CONFIG: the right verdict and findings, from the stored login', () => {
    const out = runCli(
      ['--deep', '--json', '--no-progress', '--host-platform', 'linux/amd64', privateCopy?.reference ?? ''],
      login.env,
    );
    const [row] = JSON.parse(out.stdout) as JsonRow[];
    if (privateCopy !== undefined) expectRow(row, privateCopy);
  }, 60_000);
});
