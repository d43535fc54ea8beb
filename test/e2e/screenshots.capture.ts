/**
 * Screenshots of the tab for the README (docs/screenshots/*.png): browser mode (`npm start`) on the
 * project's test environment (real engine, buildx, registries, seeded corpus), 1280x800, light and dark.
 * Not part of the test run: `ARCHMATRIX_SCREENSHOTS=1 npx playwright test --project=screenshots`
 * after `bash test/env/testenv up`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';

const env = loadTestEnv();
let server: ChildProcess | undefined;
let url = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const child = spawn('npm', ['start'], { env: { ...env.env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const found = /(http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]+)/.exec(output);
      if (found?.[1] !== undefined) resolve(found[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${String(code)}):\n${output}`)));
  });
});

test.afterAll(() => {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

async function settled(page: Page): Promise<void> {
  await page.goto(url);
  const matrix = page.getByTestId('arch-matrix');
  await expect(matrix.locator('tr[data-image]').first()).toBeVisible({ timeout: 60_000 });
  await expect(matrix.locator('[data-verdict="pending"]')).toHaveCount(0, { timeout: 120_000 });
  await expect(matrix).toHaveAttribute('aria-busy', 'false');
  // Icons come from the labels' (unreachable) URLs: let the fallbacks settle.
  await page.waitForLoadState('networkidle');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`matrix, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await settled(page);
    await page.screenshot({ path: `docs/screenshots/matrix-${scheme}.png` });
    await context.close();
  });
}

test('details of a row, light', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await settled(page);
  const reference = `${env.openRegistry}/corpus/amd64-only:1.0.0`;
  await page.locator(`tr[data-image="${reference}"]`).getByRole('button', { name: `Show details of ${reference}` }).click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  await details.scrollIntoViewIfNeeded();
  await page.locator(`tr[data-image="${reference}"]`).evaluate((row) => row.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/details-light.png' });
  await context.close();
});
