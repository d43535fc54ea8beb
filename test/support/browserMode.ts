/**
 * Shared by the browser-mode specs: what each seeded image must show (from the corpus description,
 * seen from an amd64 host) and how to read the matrix through its stable hooks (browserModeServer.ts
 * starts the server). Other extension images in the engine (left by an interrupted run, or added by
 * other work) get rows too; the specs check only what they seeded.
 */
import { expect, type Page, type Request } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import type { ExecBody } from '@wire/standinProtocol.js';
import type { TestEnv } from '../env/testEnv.js';
import { corpusReference, ENGINE_CORPUS, LOCAL_ONLY_IMAGE, OPEN_CORPUS, type CorpusName } from './corpus.js';
import { showAllPlatforms } from './e2eHarness.js';

export interface Expectation {
  readonly verdict: string;
  /** Platforms whose cell says yes; every other cell must say `otherCells`. */
  readonly yes: readonly string[];
  readonly otherCells: 'no' | 'unknown';
}

/**
 * Browser mode runs the deep check too (the backend in-process): a row's badge ends with the deep verdict
 * when it is worse. An installed row's check reads only this machine's variant (linux/amd64, from the
 * engine), so no installed corpus image gets one: wrong-host-binary is wrong only in linux/arm64, which
 * is read only when the user asks (deep-browser-mode.spec.ts).
 */
const DEEP_VERDICT: Readonly<Partial<Record<CorpusName, string>>> = {};

/** What each corpus image on the open registry must show on an amd64 host, once its deep check (this machine's variant) is done. */
export const CORPUS: Readonly<Partial<Record<CorpusName, Expectation>>> = Object.fromEntries(
  OPEN_CORPUS.map((image) => [
    image.name,
    { verdict: DEEP_VERDICT[image.name] ?? image.verdict.amd64, yes: image.platforms, otherCells: 'no' },
  ]),
);
export const LOCAL_ONLY_EXPECTED: Expectation = {
  verdict: LOCAL_ONLY_IMAGE.verdict,
  yes: LOCAL_ONLY_IMAGE.platforms,
  otherCells: 'unknown',
};
export const UNAUTHORIZED_EXPECTED: Expectation = { verdict: 'unauthorized', yes: [], otherCells: 'unknown' };

export const corpusRef = (env: TestEnv, name: CorpusName): string => corpusReference(env.openRegistry, name);

/** The extension images `testenv seed` puts in the engine, with what each must show. */
export function seededImages(env: TestEnv): ReadonlyMap<string, Expectation> {
  const seeded = new Map<string, Expectation>([[env.localOnly, LOCAL_ONLY_EXPECTED]]);
  for (const image of ENGINE_CORPUS) {
    const expected = CORPUS[image.name];
    if (expected !== undefined) seeded.set(corpusRef(env, image.name), expected);
  }
  return seeded;
}

/** The extension images in the engine, asked of the docker CLI directly (not through Arch Matrix). */
export function installedImages(env: TestEnv): string[] {
  const format = '{{.Repository}}:{{.Tag}}';
  const out = spawnSync(
    env.dockerBin,
    ['image', 'ls', '--filter', 'label=com.docker.desktop.extension.api.version', '--format', format],
    {
      env: env.env,
      encoding: 'utf8',
    },
  );
  if (out.status !== 0) throw new Error(`docker image ls failed: ${out.stderr}`);
  return out.stdout
    .split('\n')
    .filter((line) => line !== '')
    .sort();
}

export interface RowSeen {
  readonly image: string;
  readonly verdict: string;
  readonly cells: Readonly<Record<string, string>>;
}

/** Every row with every platform cell (the optional columns unfolded first). */
export async function readRows(page: Page): Promise<RowSeen[]> {
  await showAllPlatforms(page);
  return page.locator('[data-testid="arch-matrix"] tr[data-image]').evaluateAll((trs) =>
    trs.map((tr) => ({
      image: tr.getAttribute('data-image') ?? '',
      verdict: tr.querySelector('[data-testid="verdict"]')?.getAttribute('data-verdict') ?? '',
      cells: Object.fromEntries(
        Array.from(tr.querySelectorAll('[data-platform]'), (cell) => [
          cell.getAttribute('data-platform') ?? '',
          cell.getAttribute('data-state') ?? '',
        ]),
      ),
    })),
  );
}

/** Waits until `count` rows have a final verdict, then returns all rows. */
export async function settledRows(page: Page, count: number): Promise<RowSeen[]> {
  const settled = async (): Promise<number> =>
    (await readRows(page)).filter((row) => row.verdict !== '' && row.verdict !== 'pending').length;
  await expect.poll(settled, { timeout: 90_000 }).toBe(count);
  // The deep checks (which may change a badge) end too: none waiting or reading.
  await expect(page.locator('[data-deep-state="waiting"], [data-deep-state="running"]')).toHaveCount(0, {
    timeout: 180_000,
  });
  return readRows(page);
}

export function expectRow(row: RowSeen, expected: Expectation): void {
  expect(row.verdict, `verdict of ${row.image}`).toBe(expected.verdict);
  for (const platform of expected.yes) expect(row.cells[platform], `${row.image} on ${platform}`).toBe('yes');
  for (const [platform, state] of Object.entries(row.cells)) {
    if (!expected.yes.includes(platform)) expect(state, `${row.image} on ${platform}`).toBe(expected.otherCells);
  }
}

/** Every seeded image has a row showing what it must; rows of images the environment did not seed are not judged. */
export function expectSeededRows(env: TestEnv, rows: readonly RowSeen[]): void {
  const seeded = seededImages(env);
  const judged = rows.filter((row) => seeded.has(row.image));
  expect(judged.map((row) => row.image).sort()).toEqual([...seeded.keys()].sort());
  for (const row of judged) {
    const expected = seeded.get(row.image);
    if (expected === undefined) throw new Error(`no expectation for ${row.image}`);
    expectRow(row, expected);
  }
}

/** Docker Desktop's extension pane: the width the tab must fit. */
export const PANE = { width: 1000, height: 800 } as const;

/** The tab at the pane's width, every row with its verdict and the matrix no longer busy. */
export async function settledAtPane(page: Page, url: string): Promise<void> {
  await page.setViewportSize(PANE);
  await page.goto(url);
  await expect(page.getByTestId('arch-matrix')).toBeVisible();
  await expect
    .poll(() => page.locator('[data-testid="arch-matrix"] [data-verdict="pending"]').count(), { timeout: 90_000 })
    .toBe(0);
  await expect(page.getByTestId('arch-matrix')).toHaveAttribute('aria-busy', 'false');
}

/** Every POST /api/exec the page sends. */
export function recordCommands(page: Page): ExecBody[] {
  const bodies: ExecBody[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === '/api/exec') bodies.push(request.postDataJSON() as ExecBody);
  });
  return bodies;
}

/** HTTP statuses of the page's /api/exec calls. */
export function recordStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/exec') statuses.push(response.status());
  });
  return statuses;
}

/**
 * The tab at rest, for screenshots: every row has its verdict, no deep check is waiting or running,
 * and the images' icons (from the labels' unreachable URLs) have fallen back.
 */
export async function tabAtRest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const matrix = page.getByTestId('arch-matrix');
  await expect(matrix.locator('tr[data-image]').first()).toBeVisible({ timeout: 60_000 });
  await expect(matrix.locator('[data-verdict="pending"]')).toHaveCount(0, { timeout: 120_000 });
  await expect(matrix).toHaveAttribute('aria-busy', 'false');
  await expect(matrix.locator('[data-deep-state="waiting"], [data-deep-state="running"]')).toHaveCount(0, {
    timeout: 180_000,
  });
  await page.waitForLoadState('networkidle');
}

/** A row's details opened and at rest (each platform's size read), scrolled to the top, no hover or focus ring left over. */
export async function openDetailsAtRest(page: Page, reference: string): Promise<void> {
  const row = page.locator(`tr[data-image="${reference}"]`);
  await row.getByRole('button', { name: `Show details of ${reference}` }).click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  await expect(details.locator('[data-testid="compressed-size"][data-state="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
  await row.evaluate((tr) => tr.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}
