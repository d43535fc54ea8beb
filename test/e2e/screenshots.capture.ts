/**
 * Screenshots of the tab for the README (docs/screenshots/*.png): browser mode (`npm start`) on the
 * project's test environment (real engine, buildx, registries, seeded corpus), at Docker Desktop's pane width
 * (1000 px) and a wide window (1920 px), light and dark, and a row's details.
 * Not part of the test run: `ARCHMATRIX_SCREENSHOTS=1 npx playwright test --project=screenshots`
 * after `bash test/env/testenv up`.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { launchServer } from './browser-mode.helpers.js';
import type { ServerProcess } from './browser-mode.helpers.js';

const env = loadTestEnv();
let server: ServerProcess | undefined;
let url = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await launchServer('npm', ['start'], env.env);
  url = server.url;
});

test.afterAll(() => server?.stop());

async function settled(page: Page): Promise<void> {
  await page.goto(url);
  const matrix = page.getByTestId('arch-matrix');
  await expect(matrix.locator('tr[data-image]').first()).toBeVisible({ timeout: 60_000 });
  await expect(matrix.locator('[data-verdict="pending"]')).toHaveCount(0, { timeout: 120_000 });
  await expect(matrix).toHaveAttribute('aria-busy', 'false');
  // Icons come from the labels' (unreachable) URLs: let the fallbacks settle.
  await page.waitForLoadState('networkidle');
}

const WIDTHS = [1000, 1920] as const;

for (const width of WIDTHS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`matrix, ${width} px, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await settled(page);
      await page.screenshot({ path: `docs/screenshots/matrix-${width}-${scheme}.png` });
      await context.close();
    });

    test(`details of a row, ${width} px, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await settled(page);
      const reference = `${env.openRegistry}/corpus/amd64-only:1.0.0`;
      await page.locator(`tr[data-image="${reference}"]`).getByRole('button', { name: `Show details of ${reference}` }).click();
      const details = page.getByTestId('row-details');
      await expect(details).toBeVisible();
      await page.locator(`tr[data-image="${reference}"]`).evaluate((row) => row.scrollIntoView({ block: 'start' }));
      // No hover or tooltip left over from the click.
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect(page.getByRole('tooltip')).toHaveCount(0);
      await page.screenshot({ path: `docs/screenshots/details-${width}-${scheme}.png` });
      await context.close();
    });
  }
}
