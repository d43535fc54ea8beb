/**
 * The tab in Debian's chromium with a typed ddClient stand-in (host arm64) replaying recorded
 * docker outputs: what only Docker Desktop has (host.arch, extension.image, toasts, openExternal).
 */
import { expect, test } from '@playwright/test';
import { corpusImage } from '../support/corpus.js';
import { loadFixture, loadRecording } from '../support/recordings.js';
import { corpusConfig, reply } from '../support/standin/corpusConfig.js';
import {
  expectAllVerdicts,
  expectCells,
  expectEveryPageReadOnly,
  expectOnlyReadOnlyCommands,
  expectVerdict,
  matrix,
  openWithStandin,
  row,
  standinRecord,
} from '../support/e2eHarness';

const R = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;
const LOCAL = 'local/dev-extension:latest';
/** The platforms of many-platforms beyond linux/amd64 and linux/arm64. */
const EXTRA = corpusImage('many-platforms').platforms.filter((p) => p !== 'linux/amd64' && p !== 'linux/arm64');

test.afterEach(async () => {
  await expectEveryPageReadOnly();
});

test('recorded corpus on an arm64 host: every row ends in the verdict and cells its manifests imply', async ({
  page,
}) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  await expect(matrix(page).locator('tr[data-image]')).toHaveCount(7);

  await expectVerdict(page, R('good'), 'ready');
  await expectCells(page, R('good'), { 'linux/amd64': 'yes', 'linux/arm64': 'yes' });
  await expectVerdict(page, R('amd64-only'), 'incompatible');
  await expectCells(page, R('amd64-only'), { 'linux/amd64': 'yes', 'linux/arm64': 'no' });
  await expectVerdict(page, R('arm64-only-attested'), 'missing-platforms');
  await expectCells(page, R('arm64-only-attested'), { 'linux/amd64': 'no', 'linux/arm64': 'yes' });
  await expectVerdict(page, R('legacy-list'), 'ready');
  await expectVerdict(page, R('wrong-host-binary'), 'ready');
  await expectVerdict(page, R('many-platforms'), 'ready');
  await expectCells(
    page,
    R('many-platforms'),
    Object.fromEntries([...EXTRA, 'linux/amd64', 'linux/arm64'].map((p) => [p, 'yes' as const])),
  );
  await expectCells(page, R('good'), Object.fromEntries(EXTRA.map((p) => [p, 'no' as const])));
  // Not in any registry: the local store's copy (amd64) is all that is known.
  await expectVerdict(page, LOCAL, 'local-only');
  await expectCells(page, LOCAL, { 'linux/amd64': 'yes', 'linux/arm64': 'unknown' });

  // The host column and this extension's own image are marked.
  await expect(matrix(page).locator('th[data-column="linux/arm64"]')).toContainText('this machine');
  await expect(matrix(page).locator('th[data-column="linux/amd64"]')).not.toContainText('this machine');
  await expect(row(page, LOCAL).getByTestId('self')).toHaveText('This extension');
  await expect(page.getByTestId('summary')).toContainText('this machine');

  const record = await standinRecord(page);
  expect(record.unmatched).toEqual([]);
  expect(record.commands.length).toBeGreaterThan(0);
  expect(record.commands.filter((c) => c.form !== 'stream')).toEqual([]);
});

test('the extension image is listed and marked as itself even when the engine does not list it; a Windows column appears', async ({
  page,
}) => {
  await openWithStandin(page, corpusConfig({ extensionImage: R('windows-entry') }));
  await expectAllVerdicts(page);
  await expect(matrix(page).locator('tr[data-image]')).toHaveCount(8);
  await expect(row(page, R('windows-entry')).getByTestId('self')).toBeVisible();
  await expect(row(page, LOCAL).getByTestId('self')).toHaveCount(0);
  await expectVerdict(page, R('windows-entry'), 'ready');
  await expectCells(page, R('windows-entry'), { 'linux/amd64': 'yes', 'linux/arm64': 'yes', 'windows/amd64': 'yes' });
});

test('a command that never answers (recorded good index, held back) is closed at the timeout; the other rows do not wait for it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const held = reply('imagetools-raw', loadFixture('good.imagetools-raw'), 'never-answer');
  await openWithStandin(page, corpusConfig({ replies: [held] }));
  // Every other row ends while the held one is still pending.
  for (const name of ['amd64-only', 'arm64-only-attested', 'legacy-list', 'wrong-host-binary', 'many-platforms']) {
    await expect(row(page, R(name)).getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'pending');
  }
  await expect(row(page, R('good')).getByTestId('verdict')).toHaveAttribute('data-verdict', 'pending');
  await expectAllVerdicts(page, 60_000);
  await expectVerdict(page, R('good'), 'unreachable');
  const record = await standinRecord(page);
  expect(record.closed.some((argv) => argv.includes(`docker.io/${R('good')}`) || argv.includes(R('good')))).toBe(true);
});

test('malformed output (the recorded good index cut in half) ends in an error verdict without blocking the rest', async ({
  page,
}) => {
  const good = loadFixture('good.imagetools-raw');
  const cut = {
    ...reply('imagetools-raw', good),
    stdout: good.stdout.slice(0, Math.floor(good.stdout.length / 2)),
    origin: 'good.imagetools-raw (cut in half)',
  };
  await openWithStandin(page, corpusConfig({ replies: [cut] }));
  await expectAllVerdicts(page);
  await expectVerdict(page, R('good'), 'error');
  await expectCells(page, R('good'), { 'linux/amd64': 'unknown', 'linux/arm64': 'unknown' });
  await expectVerdict(page, R('legacy-list'), 'ready');
});

test('buildx missing (recorded): a persistent banner, and platforms come from docker manifest inspect', async ({
  page,
}) => {
  const missing = reply('buildx-version', loadRecording('buildx-missing.buildx-version'));
  await openWithStandin(page, corpusConfig({ replies: [missing] }));
  await expect(page.locator('[data-banner="buildx-missing"]')).toBeVisible();
  await expectAllVerdicts(page);
  await expectVerdict(page, R('good'), 'ready');
  await expectVerdict(page, R('amd64-only'), 'incompatible');
  const record = await standinRecord(page);
  expect(record.commands.some((c) => c.argv[0] === 'manifest')).toBe(true);
  expect(record.commands.some((c) => c.argv[1] === 'imagetools')).toBe(false);
});

test('engine unreachable (recorded): a persistent banner, no rows, nothing left running', async ({ page }) => {
  const version = reply('engine-version', loadRecording('engine-unreachable.version'));
  const list = reply('image-ls', loadRecording('engine-unreachable.image-ls'));
  await openWithStandin(page, corpusConfig({ replies: [version, list] }));
  await expect(page.locator('[data-banner="engine-unreachable"]')).toBeVisible();
  await expect(matrix(page)).toHaveAttribute('aria-busy', 'false');
  await expect(matrix(page).locator('tr[data-image]')).toHaveCount(0);
  await expect(page.getByTestId('summary')).toContainText('could not be listed');
});

test('results are remembered: the next visit shows them at once, then refreshes', async ({ page, context }) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  await expectOnlyReadOnlyCommands(page);
  await page.close();

  // Second visit: the engine listing never answers, so only remembered results can show.
  const stuck = reply('image-ls', loadFixture('engine.image-ls-extensions.docker-26.1.5'), 'never-answer');
  const again = await context.newPage();
  await openWithStandin(again, corpusConfig({ replies: [stuck] }));
  await expect(again.getByTestId('remembered-note')).toContainText('Showing results from');
  await expectVerdict(again, R('good'), 'ready');
  await expectVerdict(again, R('amd64-only'), 'incompatible');
  await expect(matrix(again)).toHaveAttribute('aria-busy', 'true');
  await expectOnlyReadOnlyCommands(again);
});
