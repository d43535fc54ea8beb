/**
 * Screenshots of the tab with deep results for the README (docs/screenshots/deep-*.png): browser mode
 * (`npm start`, the backend in-process) on the test environment, light and dark, with the installed
 * corpus image whose macOS binary is x86_64 in the linux/arm64 variant opened on its host-binary grid.
 * Not part of the test run: `ARCHMATRIX_SCREENSHOTS=1 npx playwright test --project=screenshots deep-screenshots`.
 */
import { expect, test } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { launchServer, type ServerProcess } from './browser-mode.helpers.js';

const env = loadTestEnv();
let server: ServerProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await launchServer('npm', ['start'], env.env);
});
test.afterAll(() => server?.stop());

for (const scheme of ['light', 'dark'] as const) {
  test(`deep results with a wrong host binary opened, ${scheme}`, async ({ browser }) => {
    test.setTimeout(240_000);
    if (server === undefined) throw new Error('npm start did not start');
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const matrix = page.getByTestId('arch-matrix');
    await expect(matrix.locator('tr[data-image]').first()).toBeVisible({ timeout: 60_000 });
    await expect(matrix.locator('[data-verdict="pending"]')).toHaveCount(0, { timeout: 120_000 });
    await expect(matrix.locator('[data-deep-state="waiting"], [data-deep-state="running"]')).toHaveCount(0, { timeout: 180_000 });
    const reference = `${env.openRegistry}/corpus/wrong-host-binary:1.0.0`;
    const row = page.locator(`tr[data-image="${reference}"]`);
    await expect(row.locator('[data-testid="verdict"]')).toHaveAttribute('data-verdict', 'wrong-host-binary');
    await row.getByRole('button', { name: `Show details of ${reference}` }).click();
    await expect(page.locator(`[data-host-binary][data-image="${reference}"][data-state="wrong-cpu"]`).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await row.evaluate((tr) => tr.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `docs/screenshots/deep-${scheme}.png` });
    await context.close();
  });
}
