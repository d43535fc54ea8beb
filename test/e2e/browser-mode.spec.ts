/**
 * Browser mode end to end: `npm start` against the test environment (real engine, buildx,
 * registries, seeded corpus), opened in Debian's chromium through the URL it prints. Every
 * installed corpus image must end with the verdict and cells its construction implies (host
 * amd64), and every command the page ran must be on the read-only allowlist.
 */
import { expect, test } from '@playwright/test';
import { arch } from 'node:os';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { effectiveArgs } from '@server/argSplit.js';
import { loadTestEnv } from '../env/testEnv.js';
import {
  CORPUS,
  corpusRef,
  expectRow,
  expectSeededRows,
  installedImages,
  readRows,
  recordCommands,
  seededImages,
  settledRows,
  UNAUTHORIZED_EXPECTED,
  type Expectation,
} from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

// One server for the file (the run's first file builds with `npm start`); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('npm start shows every installed extension image with its verdict and cells', async ({ page }) => {
  const commands = recordCommands(page);
  const installed = installedImages(env);
  expect(installed).toEqual(expect.arrayContaining([...seededImages(env).keys()]));

  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const rows = await settledRows(page, installed.length);
  expect(rows.map((row) => row.image).sort()).toEqual(installed);
  expectSeededRows(env, rows);
  await expect(page.getByTestId('summary')).not.toBeEmpty();
  await expect(page.locator('[data-banner]')).toHaveCount(0);

  // Every command the page ran, as the server ran it, is on the read-only allowlist.
  expect(commands.length).toBeGreaterThan(installed.length);
  for (const body of commands) {
    const args = effectiveArgs(body.args, body.form);
    expect(args.ok && isReadOnlyCommand(args.value), `allowlisted: ${body.args.join(' ')}`).toBe(true);
  }
  expect(commands.map((body) => body.args.join(' '))).toContain(
    `buildx imagetools inspect ${corpusRef(env, 'good')} --raw`,
  );
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
    await expect(page.locator(`tr[data-image="${typed}"]`).getByTestId('verdict')).not.toHaveAttribute(
      'data-verdict',
      'pending',
      { timeout: 60_000 },
    );
    const seen = (await readRows(page)).find((row) => row.image === typed);
    if (seen === undefined || expected === undefined) throw new Error(`no row or expectation for ${typed}`);
    expectRow(seen, expected);
  }
});

test('the page reports this machine as the server host (os.arch)', async ({ page }) => {
  await page.goto(started().url);
  const host = await page.evaluate(() => ({
    arch: window.ddClient?.host.arch,
    platform: window.ddClient?.host.platform,
  }));
  expect(host).toEqual({ arch: arch(), platform: process.platform });
});
