/**
 * Browser mode end to end: `npm start` against the test environment (real engine, buildx,
 * registries, seeded corpus), opened in Debian's chromium through the URL it prints. Every
 * installed corpus image must end with the verdict and cells its construction implies (host
 * amd64), and every command the page ran must be on the read-only allowlist.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReadOnlyCommand } from '../../src/commands/allowlist.js';
import { effectiveArgs } from '../../src/server/argSplit.js';
import { loadTestEnv } from '../env/testEnv.js';
import {
  CORPUS,
  corpusRef,
  expectRow,
  installedImages,
  launchServer,
  readRows,
  recordCommands,
  recordStatuses,
  seededImages,
  settledRows,
  UNAUTHORIZED_EXPECTED,
  type Expectation,
  type RowSeen,
  type ServerProcess,
} from './browser-mode.helpers.js';

const env = loadTestEnv();
const MAIN = 'dist/node/server/main.js';
let server: ServerProcess | undefined;

// One `npm start` for the file (it builds first); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(arch(), 'the expected verdicts are for an amd64 host').toBe('x64');
  // `npm start` exactly as the README says, with the test environment's DOCKER_HOST / DOCKER_CONFIG / PATH.
  server = await launchServer('npm', ['start'], env.env);
});

test.afterAll(() => server?.stop());

/** Every seeded image has a row showing what it must; rows of images the environment did not seed are not judged. */
function expectSeededRows(rows: readonly RowSeen[]): void {
  const seeded = seededImages(env);
  const judged = rows.filter((row) => seeded.has(row.image));
  expect(judged.map((row) => row.image).sort()).toEqual([...seeded.keys()].sort());
  for (const row of judged) {
    const expected = seeded.get(row.image);
    if (expected === undefined) throw new Error(`no expectation for ${row.image}`);
    expectRow(row, expected);
  }
}

const started = (): ServerProcess => {
  if (server === undefined) throw new Error('npm start did not start');
  return server;
};

test('npm start shows every installed extension image with its verdict and cells', async ({ page }) => {
  const commands = recordCommands(page);
  const installed = installedImages(env);
  expect(installed).toEqual(expect.arrayContaining([...seededImages(env).keys()]));

  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const rows = await settledRows(page, installed.length);
  expect(rows.map((row) => row.image).sort()).toEqual(installed);
  expectSeededRows(rows);
  await expect(page.getByTestId('summary')).not.toBeEmpty();
  await expect(page.locator('[data-banner]')).toHaveCount(0);

  // Every command the page ran, as the server ran it, is on the read-only allowlist.
  expect(commands.length).toBeGreaterThan(installed.length);
  for (const body of commands) {
    const args = effectiveArgs(body.args, body.form);
    expect(args.ok && isReadOnlyCommand(args.value), `allowlisted: ${body.args.join(' ')}`).toBe(true);
  }
  expect(commands.map((body) => body.args.join(' '))).toContain(`buildx imagetools inspect ${corpusRef(env, 'good')} --raw`);
});

test('a reference typed in the field is inspected through the local server', async ({ page }) => {
  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const cases: readonly (readonly [string, Expectation | undefined])[] = [
    [corpusRef(env, 'windows-entry'), CORPUS['windows-entry']],
    [`${env.authRegistry}/private/good:1.0.0`, UNAUTHORIZED_EXPECTED],
  ];
  for (const [typed, expected] of cases) {
    await page.getByTestId('inspect-input').fill(typed);
    await page.getByTestId('inspect-input').press('Enter');
    await expect(page.locator(`tr[data-image="${typed}"]`).getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'pending', { timeout: 60_000 });
    const seen = (await readRows(page)).find((row) => row.image === typed);
    if (seen === undefined || expected === undefined) throw new Error(`no row or expectation for ${typed}`);
    expectRow(seen, expected);
  }
});

test('the key leaves the address bar and survives a reload', async ({ page }) => {
  const statuses = recordStatuses(page);
  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  expect(page.url()).not.toContain('#key=');
  await page.reload();
  await settledRows(page, installedImages(env).length);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 200)).toBe(true);
  await expect(page.getByTestId('browser-mode-banner')).toHaveCount(0);
});

test('without the key the page says where to find it and no command runs', async ({ page }) => {
  const statuses = recordStatuses(page);
  await page.goto(started().url.replace(/#.*$/, ''));
  await expect(page.getByTestId('browser-mode-banner')).toContainText('npm start');
  await expect.poll(() => statuses.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 401)).toBe(true);
});

test('the page reports this machine as the server host (os.arch)', async ({ page }) => {
  await page.goto(started().url);
  const host = await page.evaluate(() => ({ arch: window.ddClient?.host.arch, platform: window.ddClient?.host.platform }));
  expect(host).toEqual({ arch: arch(), platform: process.platform });
});

// The server built by `npm start` above, started again with a broken environment.
test('without docker on PATH the server warns and the page shows that docker is missing', async ({ page }) => {
  const bin = mkdtempSync(join(tmpdir(), 'archmatrix-nodocker-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const broken = await launchServer(process.execPath, [MAIN], { ...env.env, PATH: bin });
  try {
    await page.goto(broken.url);
    await expect(page.locator('[data-banner="docker-missing"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('tr[data-image]')).toHaveCount(0);
    await expect.poll(() => broken.output()).toContain('docker CLI was not found');
  } finally {
    broken.stop();
    rmSync(bin, { recursive: true, force: true });
  }
});

test('without buildx the corpus still gets its verdicts, through docker manifest inspect', async ({ page }) => {
  const config = mkdtempSync(join(tmpdir(), 'archmatrix-nobuildx-'));
  const broken = await launchServer(process.execPath, [MAIN], { ...env.env, DOCKER_CONFIG: config });
  const commands = recordCommands(page);
  try {
    await page.goto(broken.url);
    await expect(page.locator('[data-banner="buildx-missing"]')).toBeVisible({ timeout: 30_000 });
    const installed = installedImages(env);
    const rows = await settledRows(page, installed.length);
    expectSeededRows(rows);
    expect(commands.some((body) => body.args[0] === 'manifest')).toBe(true);
    expect(broken.output()).toContain('buildx was not found');
  } finally {
    broken.stop();
    rmSync(config, { recursive: true, force: true });
  }
});
