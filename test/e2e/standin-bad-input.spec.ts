/**
 * Bad input with the ddClient stand-in (recorded outputs, derived and named in support/standin/badInput):
 * 60 installed extensions, none reachable, one with a 200-character title, one with a 200-character
 * reference, one titled right to left. The layout holds: one line per row, text cut with its whole
 * in a title and in the details, nothing overlapping, no sideways page scroll; at 200 % zoom too.
 */
import { expect, test, type Page } from '@playwright/test';
import { LONG_REFERENCE, LONG_WORD, RTL_TITLE, badImages, badInputConfig } from '../support/standin/badInput.js';
import {
  expectAllVerdicts,
  expectEveryPageReadOnly,
  expectOnlyReadOnlyCommands,
  matrix,
  openWithStandin,
  row,
} from '../support/e2eHarness';
import { boxOf, overlapsInRows, rowHeights, widerThanWindow } from '../support/layoutChecks.js';

const IMAGES = badImages(60);
const [LONG_TITLED, LONG_NAMED, RTL] = IMAGES;

test.afterEach(async () => {
  await expectEveryPageReadOnly();
});

async function open(page: Page): Promise<void> {
  await openWithStandin(page, badInputConfig(IMAGES));
  await expectAllVerdicts(page, 60_000);
  await expect(matrix(page).locator('tr[data-image]')).toHaveCount(60);
}

/** The element's text is cut on screen (it is wider than its box) and whole in the DOM and its title. */
async function expectCutWithWholeText(page: Page, testId: string, reference: string, whole: string): Promise<void> {
  const part = row(page, reference).getByTestId(testId);
  await expect(part).toHaveAttribute('title', whole);
  const cut = await part.evaluate((el) => {
    const inner = [el, ...el.querySelectorAll('*')];
    return inner.some((e) => e.scrollWidth > e.clientWidth + 1);
  });
  expect(cut, `${testId} of ${reference} is cut`).toBe(true);
}

test('60 unreachable extensions, long names and references, right-to-left text at 1000×800: one line each, nothing overlaps', async ({
  page,
}) => {
  if (LONG_TITLED === undefined || LONG_NAMED === undefined || RTL === undefined) throw new Error('no images');
  await page.setViewportSize({ width: 1000, height: 800 });
  await open(page);
  // Every row reached an answer, and the page never scrolls sideways.
  await expect(matrix(page).locator('[data-testid="verdict"][data-verdict="pending"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const heights = await rowHeights(page);
  expect(Math.max(...heights)).toBeLessThanOrEqual(56);
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
  expect(await overlapsInRows(page)).toEqual([]);

  // Long text is cut on screen and whole in its title.
  await expectCutWithWholeText(page, 'row-name', LONG_TITLED.reference, LONG_WORD);
  await expectCutWithWholeText(page, 'row-reference', LONG_NAMED.reference, LONG_REFERENCE);
  // Beside a long name, the "This extension" chip keeps room for its words.
  const self = await boxOf(row(page, LONG_TITLED.reference).getByTestId('self'));
  expect(self.right - self.left).toBeGreaterThan(40);

  // Right to left: laid out as such, whole.
  const rtl = row(page, RTL.reference).getByTestId('row-name');
  await expect(rtl).toHaveText(RTL_TITLE);
  await expect(rtl).toHaveAttribute('dir', 'auto');
  expect(await rtl.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  // The details of the long reference hold it whole, wrapped to the window.
  await row(page, LONG_NAMED.reference)
    .getByRole('button', { name: `Show details of ${LONG_NAMED.reference}` })
    .click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText(LONG_NAMED.reference);
  expect(await widerThanWindow(details)).toEqual([]);
  expect(await overlapsInRows(page)).toEqual([]);
  // The row below the details starts below them.
  const next = matrix(page)
    .locator('tr[data-image]')
    .nth(
      await matrix(page)
        .locator('tr[data-image]')
        .evaluateAll(
          (trs, reference) => trs.findIndex((tr) => tr.getAttribute('data-image') === reference) + 1,
          LONG_NAMED.reference,
        ),
    );
  expect((await boxOf(next)).top).toBeGreaterThanOrEqual((await boxOf(details)).bottom - 1);
});

test('the same at 200 % zoom (500×400, dpr 2): name and verdict on screen, the details wrap, nothing overlaps', async ({
  browser,
}) => {
  if (LONG_NAMED === undefined) throw new Error('no images');
  const context = await browser.newContext({ viewport: { width: 500, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await open(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await overlapsInRows(page)).toEqual([]);
  for (const image of IMAGES.slice(0, 4)) {
    const name = await boxOf(row(page, image.reference).getByTestId('row-name'));
    const verdict = await boxOf(row(page, image.reference).getByTestId('verdict'));
    expect(name.left).toBeGreaterThanOrEqual(0);
    expect(verdict.right).toBeLessThanOrEqual(500);
  }
  await row(page, LONG_NAMED.reference)
    .getByRole('button', { name: `Show details of ${LONG_NAMED.reference}` })
    .click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  expect(await widerThanWindow(details)).toEqual([]);
  // Checked before closing (afterEach checks the pages still open).
  await expectOnlyReadOnlyCommands(page);
  await context.close();
});
