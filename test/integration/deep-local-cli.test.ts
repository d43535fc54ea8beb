/**
 * The BUILT `archmatrix --deep` without references on both test engines: the installed extensions'
 * variant of this machine is read from the engine's local image store (every host-binary entry says
 * source "local"), the others only with --all-variants and from the registry; with references every
 * variant comes from the registry, as before. A never-pushed installed image is read from the store
 * too (its one variant); named as a reference it stays not checked.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '@core/index.js';
import { spoolRoot } from '@localStore/index.js';
import { loadTestEngine28, loadTestEnv } from '../env/testEnv.js';
import { ensureCliBuilt, runCli } from '../support/cliProcess.js';
import { corpusReference } from '../support/corpus.js';

const env = loadTestEnv();
const engine28 = loadTestEngine28(env);
const ENGINES = [
  { engine: '26.1.5 (containerd image store)', env: env.env },
  { engine: '28.5.2 (classic image store)', env: engine28.env },
] as const;
const GOOD = corpusReference(env.openRegistry, 'good');
const WRONG = corpusReference(env.openRegistry, 'wrong-host-binary');
/** Installed but never pushed: only the engine's local image store has it. */
const DEV = '127.0.0.1:5100/local/dev-extension:latest';

let tmp = '';
beforeAll(async () => {
  ensureCliBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'archmatrix-cli-local-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function deepRows(args: readonly string[], processEnv: NodeJS.ProcessEnv): JsonRow[] {
  const out = runCli(['--deep', '--json', '--no-progress', '--host-platform', 'linux/amd64', ...args], {
    ...processEnv,
    TMPDIR: tmp,
  });
  expect(out.stderr).not.toMatch(/local image store cannot be read/);
  return JSON.parse(out.stdout) as JsonRow[];
}
const sourcesOf = (row: JsonRow | undefined): string[] =>
  (row?.hostBinaries ?? []).map((b) => `${b.platform} ${b.source ?? '?'} ${b.state}`).sort();

describe.each(ENGINES)('archmatrix --deep on Engine $engine', ({ env: processEnv }) => {
  it("installed extensions: this machine's variant only, from the local store; nothing left behind", async () => {
    const rows = deepRows([], processEnv);
    const good = rows.find((r) => r.reference === GOOD);
    expect(sourcesOf(good)).toEqual(['linux/amd64 local ok', 'linux/amd64 local ok', 'linux/amd64 local ok']);
    expect(good?.deep?.variants).toEqual(['linux/amd64']);
    expect(good?.deep?.notes).toContain("Not read: linux/arm64 (only this machine's variant was read).");
    expect(good?.deep?.bytesRead).toBe(0);
    expect(good?.deep?.message).toMatch(
      /^Host binaries and backend images are right for this machine \(linux\/amd64\)\./,
    );
    expect(rows.find((r) => r.reference === WRONG)?.verdict).toBe('ready');
    const dev = rows.find((r) => r.reference === DEV);
    expect(dev).toMatchObject({ verdict: 'local-only', source: 'local-store' });
    expect(dev?.deep).toMatchObject({ status: 'checked', variants: ['linux/amd64'], bytesRead: 0 });
    expect(dev?.deep?.message).toBe('No host binaries or backend images to check.');
    expect(dev?.deep?.bytesTotal).toBeGreaterThan(0);
    expect(await readdir(spoolRoot(tmp)).catch(() => [])).toEqual([]);
  }, 120_000);

  it('--all-variants: the other variants from the registry (wrong-host-binary shows its arm64 problem)', () => {
    const rows = deepRows(['--all-variants'], processEnv);
    const wrong = rows.find((r) => r.reference === WRONG);
    expect(sourcesOf(wrong)).toEqual([
      'linux/amd64 local ok',
      'linux/amd64 local ok',
      'linux/amd64 local ok',
      'linux/arm64 registry missing',
      'linux/arm64 registry ok',
      'linux/arm64 registry wrong-cpu',
    ]);
    expect(wrong?.verdict).toBe('wrong-host-binary');
  }, 120_000);

  it('references: every variant from the registry, as before', () => {
    const [row] = deepRows([GOOD], processEnv);
    expect(new Set((row?.hostBinaries ?? []).map((b) => b.source))).toEqual(new Set(['registry']));
    expect(row?.deep?.variants).toEqual(['linux/amd64', 'linux/arm64']);
    expect(row?.deep?.message).toMatch(/^Host binaries and backend images match every variant\./);
  }, 60_000);

  it('a never-pushed image named as a reference: not checked, as no registry has it', () => {
    const [row] = deepRows([DEV], processEnv);
    expect(row).toMatchObject({ verdict: 'local-only', deep: { status: 'not-checked' } });
    expect(row?.deep?.message).toMatch(/^Never pushed: /);
  }, 60_000);
});
