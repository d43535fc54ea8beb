/**
 * Screenshots of the tab with deep results for the README (docs/screenshots/deep-*.png): browser mode
 * (`npm start`, the backend in-process) on the test environment, light and dark, with the installed
 * corpus image whose macOS binary is x86_64 in the linux/arm64 variant opened on its host-binary grid:
 * first with this machine's variant read from the engine and the other-variants button
 * (deep-local-*.png), then with linux/arm64 read from the registry too (deep-*.png).
 * Not part of the test run: `ARCHMATRIX_SCREENSHOTS=1 npx playwright test --project=screenshots deep-screenshots`.
 */
import { expect, test } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { openDetailsAtRest, tabAtRest } from '../support/browserMode.js';
import { launchServer, type ServerProcess } from '../support/browserModeServer.js';

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
    // Docker Desktop's pane width; tall enough for the details down to the host-binary grid.
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1000, height: 1200 } });
    const page = await context.newPage();
    await tabAtRest(page, server.url);
    const reference = `${env.openRegistry}/corpus/wrong-host-binary:1.0.0`;
    const row = page.locator(`tr[data-image="${reference}"]`);
    await openDetailsAtRest(page, reference);
    const others = page.locator(`[data-testid="deep-other-variants"][data-image="${reference}"]`);
    await expect(others).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/deep-local-${scheme}.png` });
    await others.click();
    await expect(row.locator('[data-testid="verdict"]')).toHaveAttribute('data-verdict', 'wrong-host-binary', {
      timeout: 120_000,
    });
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(
      page.locator(`[data-host-binary][data-image="${reference}"][data-state="wrong-cpu"]`).first(),
    ).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/deep-${scheme}.png` });
    await context.close();
  });
}
