/**
 * Inspect any image, details, keyboard use, toasts, filters, sorting and export, with the
 * recorded corpus replayed by the ddClient stand-in (host arm64).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { corpusConfig } from '../support/standin/corpusConfig.js';
import {
  expectAllVerdicts,
  expectEveryPageReadOnly,
  expectVerdict,
  matrix,
  openWithStandin,
  row,
  showAllPlatforms,
  standinRecord,
} from '../support/e2eHarness';

const R = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;

test.afterEach(async () => {
  await expectEveryPageReadOnly();
});

test('a typed reference gets its own row; its details (opened with the keyboard) list the Windows entry with its OS version and attestations apart', async ({
  page,
}) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  const input = page.getByTestId('inspect-input');
  await input.fill(`  ${R('windows-entry')}\n`);
  await input.press('Enter');
  const typed = row(page, R('windows-entry'));
  await expect(typed).toHaveAttribute('data-origin', 'typed');
  await expectVerdict(page, R('windows-entry'), 'ready');
  await showAllPlatforms(page);
  await expect(typed.locator('td[data-platform="windows/amd64"]')).toHaveAttribute('data-state', 'yes');

  const toggle = typed.getByRole('button', {
    name: new RegExp(`details of ${R('windows-entry').replace(/[.]/g, '\\.')}$`),
  });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAccessibleName(`Hide details of ${R('windows-entry')}`);
  const details = page.getByTestId('row-details');
  await expect(details.locator('tr[data-entry-platform="windows/amd64"]')).toContainText('10.0.17763.5329');
  await expect(details.locator('tr[data-attestation]')).toHaveCount(2);
  await expect(details).toContainText('Labels unknown');
  await details.getByRole('button', { name: 'Show raw command output' }).click();
  await expect(details.getByTestId('raw-output')).toContainText(
    `docker buildx imagetools inspect ${R('windows-entry')} --raw`,
  );
  await expect(details.getByTestId('raw-output')).toContainText('"os.version":"10.0.17763.5329"');
});

test('an unreachable registry (recorded connection refused) ends the typed row as unreachable, focused under the field; no toast repeats it', async ({
  page,
}) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  const typed = '127.0.0.1:5999/corpus/good:1.0.0';
  await page.getByTestId('inspect-input').fill(typed);
  await page.getByTestId('inspect-input').press('Enter');
  await expectVerdict(page, typed, 'unreachable');
  await expect(matrix(page).locator('tr[data-image]').first()).toHaveAttribute('data-image', typed);
  await expect(row(page, typed).getByRole('button', { name: `Show details of ${typed}` })).toBeFocused();
  // The row says it; the stand-in heard no warning about it.
  await page.waitForTimeout(500);
  expect((await standinRecord(page)).toasts.filter((t) => t.level === 'warning')).toEqual([]);
});

test('the verdict of a row needs a fix: the explanation and the command are one click away', async ({ page }) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  await row(page, R('amd64-only'))
    .getByRole('button', { name: `Show details of ${R('amd64-only')}` })
    .click();
  const details = page.getByTestId('row-details');
  await expect(details.getByTestId('explanation')).toContainText('linux/arm64');
  await expect(details.getByTestId('fix')).toContainText('--platform=linux/amd64,linux/arm64');
  // The label audit, under "For the publisher" (folded for an installed extension): one line when every label
  // is OK, else the list of findings.
  await details.getByText('For the publisher', { exact: true }).click();
  await expect(details.locator('[data-label-status], [data-testid="labels-ok"]').first()).toBeVisible();
});

test('filter by verdict and by platform, sort by a platform column', async ({ page }) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  const rows = matrix(page).locator('tr[data-image]');

  await page.getByRole('combobox', { name: 'Verdict' }).click();
  // Each entry says how many rows it shows.
  await page.getByRole('option', { name: 'Ready (4)', exact: true }).click();
  await expect(rows).toHaveCount(4);
  for (const verdict of await rows
    .getByTestId('verdict')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')))) {
    expect(verdict).toBe('ready');
  }

  await page.getByRole('combobox', { name: 'Verdict' }).click();
  await page.getByRole('option', { name: 'All verdicts' }).click();
  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: 'lacks linux/arm64' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-image', R('amd64-only'));

  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: 'Any platform' }).click();
  await expect(rows).toHaveCount(7);
  await matrix(page).locator('th[data-column="linux/amd64"]').getByRole('button').click();
  await expect(rows.first()).toHaveAttribute('data-image', R('arm64-only-attested'));
});

// A cell nobody could check exports as "unknown", never "no". The local-only row
// (not in any registry) knows only its local copy's platform: linux/arm64 (this machine) is unknown.
test('an unknown cell exports as unknown, never no, in CSV and Markdown', async ({ page }) => {
  const LOCAL = 'local/dev-extension:latest';
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  await expect(row(page, LOCAL).locator('td[data-platform="linux/arm64"]')).toHaveAttribute('data-state', 'unknown');
  await expect(row(page, R('amd64-only')).locator('td[data-platform="linux/arm64"]')).toHaveAttribute(
    'data-state',
    'no',
  );
  const exported = async (label: string): Promise<string> => {
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    return readFile(await (await downloading).path(), 'utf8');
  };

  // CSV: the linux/arm64 field of the local-only row says unknown; a real "no" row still says no.
  const csv = (await exported('Download CSV')).split('\r\n').map((line) => line.split(','));
  const csvColumn = csv[0]?.indexOf('linux/arm64') ?? -1;
  expect(csvColumn).toBeGreaterThan(1);
  expect(csv.find((fields) => fields[0] === LOCAL)?.[csvColumn]).toBe('unknown');
  expect(csv.find((fields) => fields[0] === R('amd64-only'))?.[csvColumn]).toBe('no');

  // Markdown: the same cell is ? as on screen, never the ✗ that means "not published".
  const markdown = (await exported('Download Markdown'))
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(' | '));
  const mdColumn = markdown[0]?.indexOf('linux/arm64') ?? -1;
  expect(mdColumn).toBeGreaterThan(1);
  expect(markdown.find((cells) => cells[0] === LOCAL)?.[mdColumn]).toBe('?');
  expect(markdown.find((cells) => cells[0] === R('amd64-only'))?.[mdColumn]).toBe('✗');
});

test('export the matrix as Markdown, CSV and JSON', async ({ page }) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  const texts: Record<string, string> = {};
  for (const [label, key] of [
    ['Download Markdown', 'md'],
    ['Download CSV', 'csv'],
    ['Download JSON', 'json'],
  ] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    const download = await downloading;
    // The file name carries the date (and the filter, when one is in effect: none here).
    expect(download.suggestedFilename()).toMatch(new RegExp(`^arch-matrix-\\d{4}-\\d{2}-\\d{2}\\.${key}$`));
    texts[key] = await readFile(await download.path(), 'utf8');
  }
  expect(texts['md']).toContain(R('amd64-only'));
  expect(texts['md']).toContain('linux/arm64');
  expect(texts['csv']?.split('\n')[0]).toContain('linux/amd64');
  const json: unknown = JSON.parse(texts['json'] ?? '');
  expect(JSON.stringify(json)).toContain(R('many-platforms'));
  await expect.poll(async () => (await standinRecord(page)).toasts.filter((t) => t.level === 'success').length).toBe(3);
});
