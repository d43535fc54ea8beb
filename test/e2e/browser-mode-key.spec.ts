/**
 * Browser mode's access key: it leaves the address bar and survives a reload; without it, or with a
 * stale one from an earlier start, the page says what to do and no command runs.
 */
import { expect, test } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { installedImages, recordStatuses, settledRows } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

// One server for the file (the run's first file builds with `npm start`); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

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

// A restarted server has a new key; the old tab's key is refused. That is its own state:
// one notice that the key is stale or missing, and nothing about the engine or buildx.
for (const [which, address] of [
  [
    'a stale key (the server restarted)',
    (url: string): string => url.replace(/#.*$/, '#key=a-key-from-the-last-start-of-the-server'),
  ],
  ['no key', (url: string): string => url.replace(/#.*$/, '')],
] as const) {
  test(`with ${which} the tab says the key is stale or missing and what to do, nothing about the engine or buildx`, async ({
    page,
  }) => {
    const statuses = recordStatuses(page);
    await page.goto(address(started().url));
    const refused = page.locator('[data-banner="access-refused"]');
    await expect(refused).toBeVisible({ timeout: 30_000 });
    await expect(refused).toContainText("This page's access key is stale or missing");
    await expect(refused).toContainText('Open the URL that `npm start` printed last');
    await expect(refused).not.toContainText(/engine|buildx/i);
    await expect(page.locator('[data-banner]')).toHaveCount(1);
    await expect(
      page.locator(
        '[data-banner="engine-unreachable"], [data-banner="buildx-missing"], [data-banner="docker-missing"]',
      ),
    ).toHaveCount(0);
    await expect(page.getByText(/The Docker engine does not answer|buildx was not found/)).toHaveCount(0);
    await expect(page.locator('tr[data-image]')).toHaveCount(0);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 401)).toBe(true);
  });
}
