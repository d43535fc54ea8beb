/**
 * Screenshots of the tab for the README (docs/screenshots/*.png): browser mode (`npm start`) on the
 * project's test environment (real engine, buildx, registries, seeded corpus), at Docker Desktop's pane width
 * (1000 px) and a wide window (1920 px), light and dark, and a row's details; at 200 % zoom (the pane's
 * 1000 px at deviceScaleFactor 2: 500 CSS px wide), the matrix scrolled sideways and a row's details;
 * each taken at rest (every verdict and deep check done, every platform size read).
 * Not part of the test run: `ARCHMATRIX_SCREENSHOTS=1 npx playwright test --project=screenshots`
 * after `bash test/env/testenv up`.
 */
import { test } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { openDetailsAtRest, tabAtRest } from '../support/browserMode.js';
import { launchServer } from '../support/browserModeServer.js';
import type { ServerProcess } from '../support/browserModeServer.js';

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

const WIDTHS = [1000, 1920] as const;

for (const width of WIDTHS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`matrix, ${width} px, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await tabAtRest(page, url);
      await page.screenshot({ path: `docs/screenshots/matrix-${width}-${scheme}.png` });
      await context.close();
    });

    test(`details of a row, ${width} px, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await tabAtRest(page, url);
      await openDetailsAtRest(page, `${env.openRegistry}/corpus/amd64-only:1.0.0`);
      await page.screenshot({ path: `docs/screenshots/details-${width}-${scheme}.png` });
      await context.close();
    });
  }
}

// 200 % zoom: Docker Desktop's pane (1000 px) with the page zoomed to 200 % is 500 CSS px at 2 device pixels each.
for (const scheme of ['light', 'dark'] as const) {
  test(`matrix at 200 % zoom, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({
      colorScheme: scheme,
      viewport: { width: 500, height: 400 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await tabAtRest(page, url);
    await page.getByTestId('arch-matrix').evaluate((table) => table.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `docs/screenshots/matrix-zoom200-${scheme}.png` });
    // Scrolled sideways: the name and verdict stay pinned.
    await page.locator('.MuiTableContainer-root').evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await page.screenshot({ path: `docs/screenshots/matrix-zoom200-scrolled-${scheme}.png` });
    await openDetailsAtRest(page, `${env.openRegistry}/corpus/amd64-only:1.0.0`);
    await page.screenshot({ path: `docs/screenshots/details-zoom200-${scheme}.png` });
    await context.close();
  });
}
