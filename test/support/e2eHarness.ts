import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { fakeDesktopClient } from './fakeClient.js';
import { installStandin } from './standin/installStandin.js';
import type { StandinConfig, StandinRecord } from './standin/standinTypes.js';

/** Pages opened with the stand-in in the running test, and those whose commands were checked. */
const opened = new Set<Page>();
const checked = new WeakSet<Page>();

/** Open the built tab with the stand-in ddClient defined before the app's script runs. */
export async function openWithStandin(page: Page, config: StandinConfig, path = '/'): Promise<void> {
  opened.add(page);
  // Only the served UI may load: label icons point at the internet, which tests must not wait for.
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  // The source text of both functions (self-contained), called with the config: the page builds the same client as jsdom.
  await page.addInitScript({
    content: `(${installStandin.toString()})(${JSON.stringify(config)}, ${fakeDesktopClient.toString()});`,
  });
  await page.goto(path);
}

export async function standinRecord(page: Page): Promise<StandinRecord> {
  const record = await page.evaluate(() => window.__archmatrixStandin);
  if (record === undefined) throw new Error('the stand-in was not installed');
  return record;
}

export const matrix = (page: Page): Locator => page.getByTestId('arch-matrix');
export const row = (page: Page, reference: string): Locator =>
  matrix(page).locator(`tr[data-image="${reference.replace(/["\\]/g, '\\$&')}"]`);
export const cell = (page: Page, reference: string, platform: string): Locator =>
  row(page, reference).locator(`td[data-platform="${platform}"]`);

/** Every row ends in a verdict: none is pending and the table is no longer busy. */
export async function expectAllVerdicts(page: Page, timeout = 20_000): Promise<void> {
  await expect(matrix(page).locator('[data-testid="verdict"][data-verdict="pending"]')).toHaveCount(0, { timeout });
  await expect(matrix(page)).toHaveAttribute('aria-busy', 'false', { timeout });
}

export async function expectVerdict(page: Page, reference: string, verdict: string): Promise<void> {
  await expect(row(page, reference).getByTestId('verdict')).toHaveAttribute('data-verdict', verdict);
}

export async function expectCells(
  page: Page,
  reference: string,
  states: Record<string, 'yes' | 'no' | 'pending' | 'unknown'>,
): Promise<void> {
  await showAllPlatforms(page);
  for (const [platform, state] of Object.entries(states)) {
    await expect(cell(page, reference, platform), `${reference} ${platform}`).toHaveAttribute('data-state', state);
  }
}

/** Every command the page ran is on the read-only allowlist. */
export async function expectOnlyReadOnlyCommands(page: Page): Promise<void> {
  const record = await standinRecord(page);
  expect(record.commands.length, 'the page ran no command at all').toBeGreaterThan(0);
  const offList = record.commands.filter((command) => !isReadOnlyCommand(command.argv));
  expect(offList, 'commands off the read-only allowlist').toEqual([]);
  checked.add(page);
}

/**
 * For afterEach: every page the test opened with the stand-in ran only allowlisted commands. A page
 * still open is checked now; a page the test closed must have been checked before it was closed.
 */
export async function expectEveryPageReadOnly(): Promise<void> {
  const pages = [...opened];
  opened.clear();
  expect(pages.length, 'the test opened no page with the stand-in').toBeGreaterThan(0);
  for (const page of pages) {
    if (!page.isClosed()) await expectOnlyReadOnlyCommands(page);
    else expect(checked.has(page), `a page was closed before its commands were checked (${page.url()})`).toBe(true);
  }
}

/** Unfold the optional platform columns ("+N platforms"), when there are some and they are folded. */
export async function showAllPlatforms(page: Page): Promise<void> {
  const toggle = matrix(page).getByTestId('fold-platforms');
  if ((await toggle.count()) === 1 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}
