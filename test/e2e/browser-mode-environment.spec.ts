/**
 * Browser mode on a broken machine: the server built for this run, started again without docker on
 * PATH or without buildx, and what the page shows then.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusRef, expectSeededRows, installedImages, recordCommands, settledRows } from '../support/browserMode.js';
import { browserModeServerPerFile, launchServer, MAIN } from '../support/browserModeServer.js';

const env = loadTestEnv();
// The server built for this run (the first file builds with `npm start`); the tests start it again, broken.
browserModeServerPerFile(env);

test.describe.configure({ mode: 'serial', timeout: 120_000 });

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
    expectSeededRows(env, rows);
    expect(commands.some((body) => body.args[0] === 'manifest')).toBe(true);
    expect(broken.output()).toContain('buildx was not found');
    // The details read each platform's size the same way: docker manifest inspect at its digest.
    const good = corpusRef(env, 'good');
    await page
      .locator(`tr[data-image="${good}"]`)
      .getByRole('button', { name: `Show details of ${good}` })
      .click();
    const sizes = page.getByTestId('row-details').getByTestId('compressed-size');
    await expect
      .poll(() => sizes.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 30_000 })
      .toEqual(['ready', 'ready']);
    const reads = commands.filter((body) => body.args.some((arg) => arg.includes('corpus/good@sha256:')));
    expect(reads.map((body) => body.args.slice(0, 3))).toEqual([
      ['manifest', 'inspect', '--insecure'],
      ['manifest', 'inspect', '--insecure'],
    ]);
  } finally {
    broken.stop();
    rmSync(config, { recursive: true, force: true });
  }
});
