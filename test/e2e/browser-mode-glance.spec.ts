/**
 * The tab at a glance, in browser mode on the test environment at Docker Desktop's pane size
 * (1000×800): nothing moves while it loads, every row fits once settled, the summary under a filter,
 * and a typed image (installed or not) shown right under the field.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { PANE, corpusRef, installedImages } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';
import {
  boxOf,
  columnEdges,
  fullyPainted,
  onScreen,
  overlapsInRows,
  rowHeights,
  rowOrder,
  sampleUntil,
  settledNow,
} from '../support/layoutChecks.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

// One server for the file (the run's first file builds with `npm start`); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

/** "5 of 8 ready" -> 5. */
const readyCount = async (page: Page): Promise<number> =>
  Number(((await page.locator('[data-summary-filter="ready"]').textContent()) ?? '').split(' ')[0]);

const firstRowTop = async (page: Page): Promise<number> =>
  Math.round((await boxOf(page.locator('[data-testid="arch-matrix"] tr[data-image]').first())).top);

/** The tab at the pane's size with every row listed and painted, and every check settled (slow machines included). */
async function settled(page: Page): Promise<void> {
  await page.setViewportSize(PANE);
  await page.goto(started().url);
  await expect.poll(() => fullyPainted(page, installedImages(env).length), { timeout: 90_000 }).toBe(true);
  await expect.poll(() => settledNow(page), { timeout: 180_000 }).toBe(true);
}

test('no row moves while the deep checks finish, the counts never go back, and every row ends fully visible on one line', async ({
  page,
}) => {
  await page.setViewportSize(PANE);
  const installed = installedImages(env).length;
  await page.goto(started().url);
  await expect.poll(() => fullyPainted(page, installed), { timeout: 90_000 }).toBe(true);
  // From the full list's first paint until every check has settled, every 250 ms.
  const samples = await sampleUntil(
    page,
    async () => ({
      order: await rowOrder(page),
      ready: await readyCount(page),
      edges: await columnEdges(page),
      top: await firstRowTop(page),
    }),
    () => settledNow(page),
  );
  const first = samples[0];
  if (first === undefined) throw new Error('no sample');
  for (const sample of samples) {
    expect(sample.order, 'the rows keep their place').toEqual(first.order);
    expect(sample.edges, 'the columns keep their widths').toEqual(first.edges);
    expect(sample.top, 'nothing above the rows grows').toBe(first.top);
  }
  const readies = samples.map((sample) => sample.ready);
  expect(readies, 'the ready count only grows').toEqual([...readies].sort((a, b) => a - b));

  // At rest: every row fully in the window, one line each, nothing sticking out of its cell.
  const rows = page.locator('[data-testid="arch-matrix"] tr[data-image]');
  await expect(rows).toHaveCount(installed);
  for (const row of await rows.all())
    expect(await onScreen(page, row), (await row.getAttribute('data-image')) ?? '').toBe(true);
  for (const height of await rowHeights(page)) expect(height).toBeLessThanOrEqual(56);
  // Title, summary and controls take about half the 365 px they took.
  expect(await firstRowTop(page)).toBeLessThanOrEqual(240);
  expect(await overlapsInRows(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The pinned name cell takes the row's hover colour like the rest of the row.
  const hovered = rows.nth(1);
  await hovered.locator('td').nth(1).hover();
  expect(await hovered.locator('th').evaluate((th) => getComputedStyle(th).backgroundImage)).toContain('gradient');
  // "this machine" is inside the column's sort button: its focus ring goes round it, not through it.
  const host = page.locator('th[data-column]', { has: page.getByTestId('this-machine') });
  const button = await boxOf(host.getByRole('button'));
  const words = await boxOf(host.getByTestId('this-machine'));
  expect(words.top >= button.top && words.bottom <= button.bottom).toBe(true);
  // A legend says what the cells' marks mean.
  await expect(page.getByTestId('cell-legend')).toContainText('published');

  // Opening a row's details moves no column.
  const edges = await columnEdges(page);
  const reference = corpusRef(env, 'amd64-only');
  await page.getByRole('button', { name: `Show details of ${reference}` }).click();
  await expect(page.getByTestId('row-details')).toBeVisible();
  expect(await columnEdges(page)).toEqual(edges);
});

test('Refresh: the page does not move, the rows keep their place and the counts hold', async ({ page }) => {
  await settled(page);
  const before = { order: await rowOrder(page), ready: await readyCount(page), top: await firstRowTop(page) };
  await page.getByRole('button', { name: 'Refresh' }).click();
  const start = Date.now();
  const samples = await sampleUntil(
    page,
    async () => ({ order: await rowOrder(page), ready: await readyCount(page), top: await firstRowTop(page) }),
    async () => Date.now() - start > 2_000 && (await settledNow(page)),
  );
  for (const sample of samples) expect(sample).toEqual(before);
});

test('the summary describes every row with the filter said beside it; an empty filter says so, with a way back', async ({
  page,
}) => {
  await settled(page);
  const rows = page.locator('[data-testid="arch-matrix"] tr[data-image]');
  const total = await rows.count();
  const ready = page.locator('[data-summary-filter="ready"]');
  const readyText = await ready.textContent();
  const summary = await page.getByTestId('summary').textContent();

  // The menus count each entry and grey out the empty ones.
  await page.getByRole('combobox', { name: 'Verdict' }).click();
  await expect(page.getByRole('option', { name: /^Unauthorized \(0\)$/ })).toHaveAttribute('aria-disabled', 'true');
  const attention = page.getByRole('option', { name: /^Needs attention \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec((await attention.textContent()) ?? '')?.[1]);
  await attention.click();
  await expect(rows).toHaveCount(count);
  await expect(page.getByTestId('showing')).toHaveText(`Showing ${count} of ${total}`);
  await expect(ready).toHaveText(readyText ?? '');
  await expect(page.getByTestId('summary')).toHaveText(summary ?? '');

  // A filter that keeps nothing (from the summary's link, which the menus cannot pick).
  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: /^lacks linux\/arm64 \(\d+\)$/ }).click();
  await ready.click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('empty')).toHaveText(`No extension matches the filters (${total} rows in all).`);
  await expect(page.getByTestId('summary')).toHaveText(summary ?? '');
  await expect(page.getByTestId('showing')).toHaveText(`Showing 0 of ${total}`);
  await page.getByTestId('empty-show-all').click();
  await expect(rows).toHaveCount(total);
  await expect(page.getByTestId('showing')).toHaveCount(0);
});

test('a typed image lands right under the field with focus on it; an installed one highlights its own row', async ({
  page,
}) => {
  await settled(page);
  const input = page.getByTestId('inspect-input');
  const installed = corpusRef(env, 'good');
  await input.fill(installed);
  await input.press('Enter');
  const row = page.locator(`tr[data-image="${installed}"]`);
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  await expect(row).toBeInViewport();
  await expect(row.getByRole('button', { name: `Show details of ${installed}` })).toBeFocused();
  await expect(page.locator('tr[data-origin="typed"]')).toHaveCount(0);
  await expect(page.getByTestId('inspect-message')).toHaveText('Already installed: its row is highlighted below.');

  const typed = corpusRef(env, 'windows-entry');
  await input.fill(typed);
  await input.press('Enter');
  const typedRow = page.locator(`tr[data-image="${typed}"]`);
  await expect(page.locator('[data-testid="arch-matrix"] tr[data-image]').first()).toHaveAttribute('data-image', typed);
  await expect(typedRow).toHaveAttribute('data-highlighted', 'true');
  await expect(typedRow.getByRole('button', { name: `Show details of ${typed}` })).toBeFocused();
  await expect(row).not.toHaveAttribute('data-highlighted', 'true');
  const field = await boxOf(input);
  expect((await boxOf(typedRow)).top - field.bottom).toBeLessThan(140);
  await expect(typedRow.getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'pending', { timeout: 60_000 });
  await expect(page.getByTestId('inspect-message')).toHaveCount(0);
});
