/**
 * Reflow (WCAG 1.4.10) in browser mode on the test environment: at 200 % zoom (500×400 CSS px,
 * deviceScaleFactor 2) and at 800 px, the name and verdict stay on screen (pinned while the table
 * scrolls sideways), the table shows that it scrolls, and a row's details wrap to the window.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusRef } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';
import { boxOf, settledNow, widerThanWindow } from '../support/layoutChecks.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

test.describe.configure({ mode: 'serial', timeout: 300_000 });

async function openAt(browser: Browser, width: number, height: number, scale: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
  const page = await context.newPage();
  await page.goto(started().url);
  await expect(page.locator('tr[data-image]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-verdict="pending"]')).toHaveCount(0, { timeout: 90_000 });
  await expect.poll(() => settledNow(page), { timeout: 180_000 }).toBe(true);
  return page;
}

/** The row's name and verdict lie within the window sideways (and are not covered by the scrolled cells). */
async function nameAndVerdictOnScreen(page: Page, reference: string): Promise<void> {
  const row = page.locator(`tr[data-image="${reference}"]`);
  await row.scrollIntoViewIfNeeded();
  const width = page.viewportSize()?.width ?? 0;
  for (const part of [row.getByTestId('row-name'), row.getByTestId('verdict')]) {
    const box = await boxOf(part);
    expect(box.left, reference).toBeGreaterThanOrEqual(0);
    expect(box.right, reference).toBeLessThanOrEqual(width);
    const x = (box.left + box.right) / 2;
    const y = (box.top + box.bottom) / 2;
    // What the user sees at its middle is the part itself, not a cell scrolled over it.
    expect(
      await part.evaluate((el, [px, py]) => el.contains(document.elementFromPoint(px ?? 0, py ?? 0)), [x, y]),
    ).toBe(true);
  }
}

const scrollTable = (page: Page, to: 'end' | 'start'): Promise<void> =>
  page.locator('.MuiTableContainer-root').evaluate((el, where) => {
    el.scrollLeft = where === 'end' ? el.scrollWidth : 0;
  }, to);

test('at 200 % zoom (500×400, dpr 2): name and verdict on screen, pinned while the table scrolls; the details wrap to the window', async ({
  browser,
}) => {
  const page = await openAt(browser, 500, 400, 2);
  const references = await page
    .locator('tr[data-image]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-image') ?? ''));
  // The page itself never scrolls sideways; the table does, and shows it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(page.locator('.MuiTableContainer-root')).toHaveAttribute('data-scrolls', 'true');
  await expect(page.getByTestId('scroll-fade')).toBeVisible();
  await expect(page.getByTestId('scroll-hint')).toHaveText(/scroll/i);
  for (const reference of references) await nameAndVerdictOnScreen(page, reference);
  await scrollTable(page, 'end');
  await expect(page.locator('.MuiTableContainer-root')).toHaveAttribute('data-scrolled', 'true');
  for (const reference of references) await nameAndVerdictOnScreen(page, reference);
  // Scrolled to its end, the last platform column is in the window sideways.
  const column = await boxOf(page.locator('th[data-column="linux/arm64"]'));
  expect(column.left).toBeGreaterThanOrEqual(0);
  expect(column.right).toBeLessThanOrEqual(500);

  // A row's details (still scrolled sideways): nothing in them is wider than the window.
  const reference = corpusRef(env, 'amd64-only');
  await page.getByRole('button', { name: `Show details of ${reference}` }).click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  await expect(details.locator('[data-testid="compressed-size"][data-state="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
  expect(await widerThanWindow(details)).toEqual([]);
  await scrollTable(page, 'start');
  expect(await widerThanWindow(details)).toEqual([]);
  await page.context().close();
});

test('at 800 px: every platform unfolded, the table says it scrolls sideways and the name and verdict stay in view', async ({
  browser,
}) => {
  const page = await openAt(browser, 800, 800, 1);
  await expect(page.getByTestId('scroll-hint')).toHaveCount(0);
  await page.getByTestId('fold-platforms').click();
  await expect(page.getByTestId('scroll-hint')).toBeVisible();
  await expect(page.getByTestId('scroll-fade')).toBeVisible();
  await scrollTable(page, 'end');
  const references = await page
    .locator('tr[data-image]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-image') ?? ''));
  for (const reference of references) await nameAndVerdictOnScreen(page, reference);
  const reference = corpusRef(env, 'good');
  await page.getByRole('button', { name: `Show details of ${reference}` }).click();
  await expect(page.getByTestId('row-details')).toBeVisible();
  expect(await widerThanWindow(page.getByTestId('row-details'))).toEqual([]);
  await page.context().close();
});
