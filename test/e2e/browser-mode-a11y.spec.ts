/** The tab at Docker Desktop's pane width (1000 px) for keyboards and screen readers: focus, aria-sort, axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusRef, settledAtPane } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

// One server for the file (the run's first file builds with `npm start`); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('keyboard: visible focus on the controls, aria-sort on the sorted header, the first row a few Tabs away', async ({
  page,
}) => {
  await settledAtPane(page, started().url);
  const outline = (locator: Locator): Promise<string> =>
    locator.evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`);
  const controls = [
    page.getByRole('button', { name: 'Inspect', exact: true }),
    page.getByRole('button', { name: 'Export', exact: true }),
    page.getByRole('button', { name: 'Extension', exact: true }),
    page
      .locator('tr[data-image]')
      .first()
      .getByRole('button', { name: /^Show details of / }),
  ];
  for (const control of controls) {
    const before = await outline(control);
    await page.keyboard.press('Shift'); // focus after a key press is keyboard focus (:focus-visible)
    await control.focus();
    await expect.poll(() => outline(control)).not.toBe(before);
    expect(await outline(control)).toMatch(/^solid 2px$/);
  }

  const verdictHeader = page.locator('th', {
    has: page.getByRole('button', { name: 'This machine · Verdict', exact: true }),
  });
  const nameHeader = page.locator('th', { has: page.getByRole('button', { name: 'Extension', exact: true }) });
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Extension', exact: true }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(verdictHeader).not.toHaveAttribute('aria-sort', /.+/);
  await page.getByRole('button', { name: 'Extension', exact: true }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  // Sort headers are named by their visible text.
  await expect(page.locator('th[data-column="linux/amd64"]').getByRole('button')).toHaveAccessibleName(
    /linux\s*\/\s*amd64/,
  );

  // Skip link, Enter, Tab: the first row's details (a fresh page: focus starts at the top).
  await page.goto('about:blank');
  await page.goto(started().url);
  await expect(page.locator('tr[data-image]').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(
    page
      .locator('tr[data-image]')
      .first()
      .getByRole('button', { name: /^Show details of / }),
  ).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe (WCAG 2.0/2.1 A and AA, best practice) at 1000 px, ${colorScheme}, a row's details open: no serious or critical violation`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await settledAtPane(page, started().url);
    const reference = corpusRef(env, 'amd64-only');
    await page
      .locator(`tr[data-image="${reference}"]`)
      .getByRole('button', { name: `Show details of ${reference}` })
      .click();
    await expect(page.getByTestId('row-details')).toBeVisible();
    // Every column, so every cell is checked.
    await page.getByTestId('fold-platforms').click();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
      ),
    ).toEqual([]);
  });
}
