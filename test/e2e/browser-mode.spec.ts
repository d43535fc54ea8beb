/**
 * Browser mode end to end: `npm start` against the test environment (real engine, buildx,
 * registries, seeded corpus), opened in Debian's chromium through the URL it prints. Every
 * installed corpus image must end with the verdict and cells its construction implies (host
 * amd64), and every command the page ran must be on the read-only allowlist.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { effectiveArgs } from '@server/argSplit.js';
import { loadTestEnv } from '../env/testEnv.js';
import {
  CORPUS,
  corpusRef,
  expectRow,
  installedImages,
  launchServer,
  readRows,
  recordCommands,
  recordStatuses,
  seededImages,
  settledRows,
  UNAUTHORIZED_EXPECTED,
  type Expectation,
  type RowSeen,
  type ServerProcess,
} from './browser-mode.helpers.js';

const env = loadTestEnv();
const MAIN = 'dist/node/server/main.js';
let server: ServerProcess | undefined;

// One `npm start` for the file (it builds first); the corpus is inspected for real.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(arch(), 'the expected verdicts are for an amd64 host').toBe('x64');
  // `npm start` exactly as the README says, with the test environment's DOCKER_HOST / DOCKER_CONFIG / PATH.
  server = await launchServer('npm', ['start'], env.env);
});

test.afterAll(() => server?.stop());

/** Every seeded image has a row showing what it must; rows of images the environment did not seed are not judged. */
function expectSeededRows(rows: readonly RowSeen[]): void {
  const seeded = seededImages(env);
  const judged = rows.filter((row) => seeded.has(row.image));
  expect(judged.map((row) => row.image).sort()).toEqual([...seeded.keys()].sort());
  for (const row of judged) {
    const expected = seeded.get(row.image);
    if (expected === undefined) throw new Error(`no expectation for ${row.image}`);
    expectRow(row, expected);
  }
}

const started = (): ServerProcess => {
  if (server === undefined) throw new Error('npm start did not start');
  return server;
};

test('npm start shows every installed extension image with its verdict and cells', async ({ page }) => {
  const commands = recordCommands(page);
  const installed = installedImages(env);
  expect(installed).toEqual(expect.arrayContaining([...seededImages(env).keys()]));

  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const rows = await settledRows(page, installed.length);
  expect(rows.map((row) => row.image).sort()).toEqual(installed);
  expectSeededRows(rows);
  await expect(page.getByTestId('summary')).not.toBeEmpty();
  await expect(page.locator('[data-banner]')).toHaveCount(0);

  // Every command the page ran, as the server ran it, is on the read-only allowlist.
  expect(commands.length).toBeGreaterThan(installed.length);
  for (const body of commands) {
    const args = effectiveArgs(body.args, body.form);
    expect(args.ok && isReadOnlyCommand(args.value), `allowlisted: ${body.args.join(' ')}`).toBe(true);
  }
  expect(commands.map((body) => body.args.join(' '))).toContain(
    `buildx imagetools inspect ${corpusRef(env, 'good')} --raw`,
  );
});

test('a reference typed in the field is inspected through the local server', async ({ page }) => {
  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  const cases: readonly (readonly [string, Expectation | undefined])[] = [
    [corpusRef(env, 'windows-entry'), CORPUS['windows-entry']],
    [`${env.authRegistry}/private/good:1.0.0`, UNAUTHORIZED_EXPECTED],
  ];
  for (const [typed, expected] of cases) {
    await page.getByTestId('inspect-input').fill(typed);
    await page.getByTestId('inspect-input').press('Enter');
    await expect(page.locator(`tr[data-image="${typed}"]`).getByTestId('verdict')).not.toHaveAttribute(
      'data-verdict',
      'pending',
      { timeout: 60_000 },
    );
    const seen = (await readRows(page)).find((row) => row.image === typed);
    if (seen === undefined || expected === undefined) throw new Error(`no row or expectation for ${typed}`);
    expectRow(seen, expected);
  }
});

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

// Issue 9: a restarted server has a new key; the old tab's key is refused. That is its own state:
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

test('the page reports this machine as the server host (os.arch)', async ({ page }) => {
  await page.goto(started().url);
  const host = await page.evaluate(() => ({
    arch: window.ddClient?.host.arch,
    platform: window.ddClient?.host.platform,
  }));
  expect(host).toEqual({ arch: arch(), platform: process.platform });
});

// The server built by `npm start` above, started again with a broken environment.
test('without docker on PATH the server warns and the page shows that docker is missing', async ({ page }) => {
  const bin = mkdtempSync(join(tmpdir(), 'archmatrix-nodocker-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const broken = await launchServer(process.execPath, [MAIN], { ...env.env, PATH: bin });
  try {
    await page.goto(broken.url);
    await expect(page.locator('[data-banner="docker-missing"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('tr[data-image]')).toHaveCount(0);
    await expect.poll(() => broken.output()).toContain('docker CLI was not found');
  } finally {
    broken.stop();
    rmSync(bin, { recursive: true, force: true });
  }
});

test('without buildx the corpus still gets its verdicts, through docker manifest inspect', async ({ page }) => {
  const config = mkdtempSync(join(tmpdir(), 'archmatrix-nobuildx-'));
  const broken = await launchServer(process.execPath, [MAIN], { ...env.env, DOCKER_CONFIG: config });
  const commands = recordCommands(page);
  try {
    await page.goto(broken.url);
    await expect(page.locator('[data-banner="buildx-missing"]')).toBeVisible({ timeout: 30_000 });
    const installed = installedImages(env);
    const rows = await settledRows(page, installed.length);
    expectSeededRows(rows);
    expect(commands.some((body) => body.args[0] === 'manifest')).toBe(true);
    expect(broken.output()).toContain('buildx was not found');
    // The details read each platform's size the same way: docker manifest inspect at its digest.
    const good = corpusRef(env, 'good');
    await page
      .locator(`tr[data-image="${good}"]`)
      .getByRole('button', { name: `Show details of ${good}` })
      .click();
    const sizes = page.getByTestId('row-details').getByTestId('compressed-size');
    await expect
      .poll(() => sizes.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 30_000 })
      .toEqual(['ready', 'ready']);
    const reads = commands.filter((body) => body.args.some((arg) => arg.includes('corpus/good@sha256:')));
    expect(reads.map((body) => body.args.slice(0, 3))).toEqual([
      ['manifest', 'inspect', '--insecure'],
      ['manifest', 'inspect', '--insecure'],
    ]);
  } finally {
    broken.stop();
    rmSync(config, { recursive: true, force: true });
  }
});

// ---- Issue 9: the tab at Docker Desktop's pane width (1000 px), keyboard and screen readers ----

const PANE = { width: 1000, height: 800 } as const;

async function settledAtPane(page: Page): Promise<void> {
  await page.setViewportSize(PANE);
  await page.goto(started().url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  await expect
    .poll(() => page.locator('[data-testid="arch-matrix"] [data-verdict="pending"]').count(), { timeout: 90_000 })
    .toBe(0);
  await expect(page.getByTestId('arch-matrix')).toHaveAttribute('aria-busy', 'false');
}

test('at 1000 px: red only for a missing required platform, optional columns folded, no sideways scroll', async ({
  page,
}) => {
  await settledAtPane(page);
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
  await settledAtPane(page);
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
  await settledAtPane(page);
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
  await settledAtPane(page);
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

test('keyboard: visible focus on the controls, aria-sort on the sorted header, the first row a few Tabs away', async ({
  page,
}) => {
  await settledAtPane(page);
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

  const verdictHeader = page.locator('th', { has: page.getByRole('button', { name: 'Verdict', exact: true }) });
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
    await settledAtPane(page);
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
