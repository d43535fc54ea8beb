/**
 * Browser mode end to end: `npm start` against the test environment (real engine, buildx,
 * registries, seeded corpus), opened in Debian's chromium through the URL it prints. Every
 * installed corpus image must end with the verdict and cells its construction implies (host
 * amd64), and every command the page ran must be on the read-only allowlist.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { arch } from 'node:os';
import { isReadOnlyCommand } from '../../src/commands/allowlist.js';
import { effectiveArgs } from '../../src/server/argSplit.js';
import type { ExecBody } from '../../src/server/standin/protocol.js';
import { loadTestEnv } from '../env/testEnv.js';

const env = loadTestEnv();
const TAG = '1.0.0';
const LOCAL_ONLY = 'local/dev-extension:latest';
const ref = (name: string, registry = env.openRegistry): string => `${registry}/corpus/${name}:${TAG}`;

interface Expectation {
  readonly verdict: string;
  /** Platforms whose cell says yes; every other cell must say `otherCells`. */
  readonly yes: readonly string[];
  readonly otherCells: 'no' | 'unknown';
}

const BOTH = ['linux/amd64', 'linux/arm64'];
/** What each corpus image is built as (test/env/corpus), seen from an amd64 host. */
const CORPUS: Readonly<Record<string, Expectation>> = {
  good: { verdict: 'ready', yes: BOTH, otherCells: 'no' },
  'amd64-only': { verdict: 'missing-platforms', yes: ['linux/amd64'], otherCells: 'no' },
  'arm64-only-attested': { verdict: 'incompatible', yes: ['linux/arm64'], otherCells: 'no' },
  'legacy-list': { verdict: 'ready', yes: BOTH, otherCells: 'no' },
  'wrong-host-binary': { verdict: 'ready', yes: BOTH, otherCells: 'no' },
  'many-platforms': {
    verdict: 'ready',
    yes: [...BOTH, 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'],
    otherCells: 'no',
  },
  'windows-entry': { verdict: 'ready', yes: [...BOTH, 'windows/amd64'], otherCells: 'no' },
};
const LOCAL_ONLY_EXPECTED: Expectation = { verdict: 'local-only', yes: ['linux/amd64'], otherCells: 'unknown' };

function expectationFor(image: string): Expectation | undefined {
  if (image === LOCAL_ONLY) return LOCAL_ONLY_EXPECTED;
  const prefix = `${env.openRegistry}/corpus/`;
  if (!image.startsWith(prefix) || !image.endsWith(`:${TAG}`)) return undefined;
  return CORPUS[image.slice(prefix.length, -`:${TAG}`.length)];
}

/** The extension images in the engine, asked of the docker CLI directly (not through Arch Matrix). */
function installedImages(): string[] {
  const out = spawnSync(env.dockerBin, ['image', 'ls', '--filter', 'label=com.docker.desktop.extension.api.version', '--format', '{{.Repository}}:{{.Tag}}'], {
    env: env.env,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`docker image ls failed: ${out.stderr}`);
  return out.stdout.split('\n').filter((line) => line !== '').sort();
}

interface RowSeen {
  readonly image: string;
  readonly verdict: string;
  readonly cells: Readonly<Record<string, string>>;
}

const readRows = (page: Page): Promise<RowSeen[]> =>
  page.locator('[data-testid="arch-matrix"] tr[data-image]').evaluateAll((trs) =>
    trs.map((tr) => ({
      image: tr.getAttribute('data-image') ?? '',
      verdict: tr.querySelector('[data-testid="verdict"]')?.getAttribute('data-verdict') ?? '',
      cells: Object.fromEntries(Array.from(tr.querySelectorAll('[data-platform]'), (cell) => [cell.getAttribute('data-platform') ?? '', cell.getAttribute('data-state') ?? ''])),
    })),
  );

function expectRow(row: RowSeen, expected: Expectation): void {
  expect(row.verdict, `verdict of ${row.image}`).toBe(expected.verdict);
  for (const platform of expected.yes) expect(row.cells[platform], `${row.image} on ${platform}`).toBe('yes');
  for (const [platform, state] of Object.entries(row.cells)) {
    if (!expected.yes.includes(platform)) expect(state, `${row.image} on ${platform}`).toBe(expected.otherCells);
  }
}

/** Every POST /api/exec the page sends. */
function recordCommands(page: Page): ExecBody[] {
  const bodies: ExecBody[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === '/api/exec') bodies.push(request.postDataJSON() as ExecBody);
  });
  return bodies;
}

let server: ChildProcess | undefined;
let url = '';

// One server for the file; `npm start` builds first, and the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(arch(), 'the expected verdicts are for an amd64 host').toBe('x64');
  // `npm start` exactly as the README says, with the test environment's DOCKER_HOST / DOCKER_CONFIG / PATH.
  const child = spawn('npm', ['start'], { env: { ...env.env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const found = /serving (http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]+)/.exec(output);
      if (found?.[1] !== undefined) resolve(found[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${String(code)}) before printing its URL:\n${output}`)));
  });
});

test.afterAll(() => {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

test('npm start shows every installed extension image with its verdict and cells', async ({ page }) => {
  const commands = recordCommands(page);
  const installed = installedImages();
  for (const image of installed) expect(expectationFor(image), `an expectation for installed image ${image}`).toBeDefined();
  expect(installed).toContain(LOCAL_ONLY);

  await page.goto(url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  await expect
    .poll(async () => (await readRows(page)).filter((row) => row.verdict !== '' && row.verdict !== 'pending').length, { timeout: 90_000 })
    .toBe(installed.length);

  const rows = await readRows(page);
  expect(rows.map((row) => row.image).sort()).toEqual(installed);
  for (const row of rows) {
    const expected = expectationFor(row.image);
    if (expected === undefined) throw new Error(`no expectation for ${row.image}`);
    expectRow(row, expected);
  }
  await expect(page.getByTestId('summary')).not.toBeEmpty();

  // Every command the page ran, as the server ran it, is on the read-only allowlist.
  expect(commands.length).toBeGreaterThan(installed.length);
  for (const body of commands) {
    const args = effectiveArgs(body.args, body.form);
    expect(args.ok && isReadOnlyCommand(args.value), `allowlisted: ${body.args.join(' ')}`).toBe(true);
  }
  const inspected = commands.filter((body) => body.args[0] === 'buildx' && body.args[2] === 'inspect').map((body) => body.args[3]);
  expect(inspected).toContain(ref('good'));
});

test('a reference typed in the field is inspected through the local server', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const cases: readonly [string, Expectation][] = [
    [ref('windows-entry'), CORPUS['windows-entry'] ?? LOCAL_ONLY_EXPECTED],
    [ref('good', env.authRegistry).replace('/corpus/good', '/private/good'), { verdict: 'unauthorized', yes: [], otherCells: 'unknown' }],
  ];
  for (const [typed, expected] of cases) {
    await page.getByTestId('inspect-input').fill(typed);
    await page.getByTestId('inspect-input').press('Enter');
    const row = page.locator(`tr[data-image="${typed}"]`);
    await expect(row.getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'pending', { timeout: 60_000 });
    const seen = (await readRows(page)).find((candidate) => candidate.image === typed);
    if (seen === undefined) throw new Error(`no row for ${typed}`);
    expectRow(seen, expected);
  }
});

test('the key leaves the address bar and survives a reload', async ({ page }) => {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/exec') statuses.push(response.status());
  });
  await page.goto(url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  expect(page.url()).not.toContain('#key=');
  await page.reload();
  await expect(page.locator('[data-testid="verdict"]').first()).not.toHaveAttribute('data-verdict', 'pending', { timeout: 60_000 });
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 200)).toBe(true);
  await expect(page.getByTestId('browser-mode-banner')).toHaveCount(0);
});

test('without the key the page says where to find it and no command runs', async ({ page }) => {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/exec') statuses.push(response.status());
  });
  await page.goto(url.replace(/#.*$/, ''));
  await expect(page.getByTestId('browser-mode-banner')).toContainText('npm start');
  await expect.poll(() => statuses.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 401)).toBe(true);
});

test('the page reports this machine as the server host (os.arch)', async ({ page }) => {
  await page.goto(url);
  const host = await page.evaluate(() => ({ arch: window.ddClient?.host.arch, platform: window.ddClient?.host.platform }));
  expect(host).toEqual({ arch: arch(), platform: process.platform });
});
