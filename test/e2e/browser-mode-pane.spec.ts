/**
 * The tab at Docker Desktop's pane width (1000 px) in browser mode: which cells are red, folded columns
 * and no sideways scroll, each platform's compressed size, the summary's filters, and a typed image.
 */
import { expect, test } from '@playwright/test';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { effectiveArgs } from '@server/argSplit.js';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusRef, installedImages, recordCommands, settledAtPane } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);

// One server for the file (the run's first file builds with `npm start`); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('at 1000 px: red only for a missing required platform, optional columns folded, no sideways scroll', async ({
  page,
}) => {
  await settledAtPane(page, started().url);
  const many = page.locator(`tr[data-image="${corpusRef(env, 'many-platforms')}"]`);
  const amd64Only = page.locator(`tr[data-image="${corpusRef(env, 'amd64-only')}"]`);
  // Folded: only linux/amd64, linux/arm64 (and this machine, amd64 here) are columns; the rest is "+N".
  await expect(page.getByTestId('fold-platforms')).toHaveText(/^\+\d+ platforms?$/);
  await expect(page.locator('th[data-column]')).toHaveCount(2);
  await expect(many.locator('[data-folded-count]')).toHaveAttribute('data-folded-count', '6');
  const missingArm = amd64Only.locator('td[data-platform="linux/arm64"]');
  await expect(missingArm).toHaveAttribute('data-state', 'no');
  await expect(missingArm).toHaveAttribute('data-required', 'true');
  await expect(missingArm.locator('svg')).toHaveClass(/MuiSvgIcon-colorError/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
  for (const column of ['linux/amd64', 'linux/arm64'])
    await expect(page.locator(`th[data-column="${column}"]`)).toBeInViewport();

  // Unfolded: an optional platform the image lacks is neutral, and still no sideways page scroll.
  await page.getByTestId('fold-platforms').click();
  const optional = amd64Only.locator('td[data-platform="linux/386"]');
  await expect(optional).toHaveAttribute('data-state', 'no');
  await expect(optional).toHaveAttribute('data-required', 'false');
  await expect(optional.locator('svg')).not.toHaveClass(/MuiSvgIcon-colorError/);
  await expect(optional).toHaveAccessibleName('linux/386: not published');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
  for (const column of ['linux/amd64', 'linux/arm64'])
    await expect(page.locator(`th[data-column="${column}"]`)).toBeInViewport();
  // The verdict column does not grow with its message.
  const verdictWidths = await page
    .locator('tr[data-image] td:has([data-testid="verdict"])')
    .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  expect(Math.max(...verdictWidths)).toBeLessThanOrEqual(Math.min(...verdictWidths) + 1);
});

/** The layers of one platform manifest added up, read straight from the registry's HTTP API (not through our code). */
async function registryLayerSum(reference: string, digest: string): Promise<number> {
  const [host, ...path] = reference.replace(/:[^:/]+$/, '').split('/');
  const response = await fetch(`http://${host ?? ''}/v2/${path.join('/')}/manifests/${digest}`, {
    headers: {
      accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  const manifest = (await response.json()) as { layers: { size: number }[] };
  return manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}

test("a row's details show each platform's compressed size, as the registry's manifest adds it up", async ({
  page,
}) => {
  const commands = recordCommands(page);
  await settledAtPane(page, started().url);
  const reference = corpusRef(env, 'good');
  await page
    .locator(`tr[data-image="${reference}"]`)
    .getByRole('button', { name: `Show details of ${reference}` })
    .click();
  const cells = page.getByTestId('row-details').getByTestId('compressed-size');
  await expect(cells).toHaveCount(2);
  await expect
    .poll(() => cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 30_000 })
    .toEqual(['ready', 'ready']);
  for (const cell of await cells.all()) {
    const digest = await cell.locator('xpath=..').locator('[data-digest]').getAttribute('data-digest');
    const sum = await registryLayerSum(reference, digest ?? '');
    expect(sum).toBeGreaterThan(1024 * 1024);
    expect(await cell.textContent()).toBe(`${(sum / 1024 / 1024).toFixed(1)} MiB`);
  }
  const reads = commands.filter((body) => body.args.some((arg) => arg.includes('corpus/good@sha256:')));
  expect(reads).toHaveLength(2);
  for (const body of reads) {
    const args = effectiveArgs(body.args, body.form);
    expect(
      args.ok && isReadOnlyCommand(args.value) && args.value[4] === '--raw',
      `allowlisted: ${body.args.join(' ')}`,
    ).toBe(true);
  }
});

test('the summary starts with "N of M ready"; each count filters the matrix', async ({ page }) => {
  await settledAtPane(page, started().url);
  const installed = installedImages(env).length;
  const ready = page.locator('[data-summary-filter="ready"]');
  await expect(ready).toHaveText(new RegExp(`^\\d+ of ${installed} ready$`));
  await ready.click();
  await expect(ready).toHaveAttribute('aria-pressed', 'true');
  // The count and the filter judge rows alike, deep results included (which may still arrive: a ready row can turn wrong-host-binary).
  await expect(async () => {
    const readyCount = Number((await ready.textContent())?.split(' ')[0]);
    expect(await page.locator('tr[data-image]').count()).toBe(readyCount);
  }).toPass();
  await expect(page.locator('tr[data-image] [data-testid="verdict"]:not([data-verdict="ready"])')).toHaveCount(0);
  await page.locator('[data-summary-filter="attention"]').click();
  await expect(page.getByTestId('showing')).toBeVisible();
  await expect(page.locator('tr[data-image] [data-verdict="ready"]')).toHaveCount(0);
});

test('at 1000 px: a typed image lands in view, highlighted', async ({ page }) => {
  await settledAtPane(page, started().url);
  const typed = corpusRef(env, 'windows-entry');
  await page.getByTestId('inspect-input').fill(typed);
  await page.getByTestId('inspect-input').press('Enter');
  const row = page.locator(`tr[data-image="${typed}"]`);
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'pending', { timeout: 60_000 });
  // Rows are ordered by verdict: the row moved when its verdict landed, and is brought back into view.
  await expect(row).toBeInViewport();

  // A filter says how much it hides and can be cleared; typed rows, filters and sort survive a reload.
  const total = await page.locator('tr[data-image]').count();
  await page.getByTestId('verdict-filter').locator('..').click();
  await page.getByRole('option', { name: 'Needs attention' }).click();
  const shown = await page.locator('tr[data-image]').count();
  expect(shown).toBeLessThan(total);
  await expect(page.getByTestId('showing')).toHaveText(`Showing ${shown} of ${total}`);
  await page.getByRole('button', { name: 'Extension', exact: true }).click();
  await page.reload();
  await expect(page.locator(`tr[data-image="${typed}"]`)).toHaveCount(0); // hidden by the saved filter (it is ready)
  await expect(page.getByTestId('showing')).toBeVisible();
  await expect(
    page.locator('th', { has: page.getByRole('button', { name: 'Extension', exact: true }) }),
  ).toHaveAttribute('aria-sort', 'ascending');
  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('showing')).toHaveCount(0);
  await expect(page.locator(`tr[data-image="${typed}"]`)).toHaveAttribute('data-origin', 'typed');
  await expect(page.locator('tr[data-image]')).toHaveCount(total);
});
