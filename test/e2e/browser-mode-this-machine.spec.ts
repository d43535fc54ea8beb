/**
 * The answer for this machine in browser mode on the test environment, at Docker Desktop's pane size (1000×800):
 * `data-this-machine` on every row, for the installed corpus and for the deep corpus typed in (every variant read
 * from the registry), each expected answer derived from the corpus descriptions in test/support (what each image
 * publishes and what its variants hold), never listed by hand; then the exports' content (names, answers, verdict
 * label and code, the cells as on screen, the filter and the date in the header and the file name).
 */
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { arch, platform } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { isRecord } from '@core/json.js';
import { thisMachineOf, type ThisMachine, type ThisMachineAnswer } from '@core/index.js';
import { loadTestEnv, type TestEnv } from '../env/testEnv.js';
import { PANE, UNAUTHORIZED_EXPECTED, installedImages, seededImages, settledRows } from '../support/browserMode.js';
import { browserModeServerPerFile } from '../support/browserModeServer.js';
import { deepCorpus, type DeepCorpusImage } from '../support/deepCorpus.js';

const env = loadTestEnv();
const started = browserModeServerPerFile(env);
/** The browser-mode server runs here: its ddClient stand-in says this machine's CPU and OS. */
const MACHINE: ThisMachine = thisMachineOf(arch(), platform());
const PRIVATE = `${env.authRegistry}/private/good:1.0.0`;
const DEEP = deepCorpus(env).filter((image) => image.registry === 'open');

test.describe.configure({ mode: 'serial', timeout: 420_000 });

/** The answer a verdict of the platform check means on this machine, for an image whose inside holds nothing wrong here. */
function byVerdict(verdict: string): ThisMachineAnswer {
  if (verdict === 'incompatible' || verdict === 'unsupported-os') return 'will-not-install';
  if (['ready', 'missing-platforms', 'local-only'].includes(verdict)) return 'works';
  return 'unknown';
}

/**
 * What a deep corpus image must answer here, from its description: broken when a host binary for this OS in this
 * machine's variant is wrong-cpu or missing (not only a warning), or a backend lacks this machine's platform;
 * unknown when its metadata.json cannot be read (nothing inside checked); else works.
 */
function deepExpected(image: DeepCorpusImage, machine: ThisMachine): ThisMachineAnswer {
  if (image.metadata !== 'ok') return 'unknown';
  const wrongHere = image.hostBinaries.some(
    (b) =>
      b.os === machine.os &&
      b.platform === machine.platform &&
      (b.state === 'wrong-cpu' || b.state === 'missing') &&
      !b.warningOnly,
  );
  const backendLacks = image.backend.some(
    (b) => !b.self && machine.platform !== undefined && !b.platforms.includes(machine.platform),
  );
  return wrongHere || backendLacks ? 'broken' : 'works';
}

const rowOf = (page: Page, reference: string) => page.locator(`tr[data-image="${reference}"]`);

async function typeIn(page: Page, references: readonly string[]): Promise<void> {
  const input = page.getByRole('textbox', { name: /inspect/i });
  for (const reference of references) {
    await input.fill(reference);
    await input.press('Enter');
    await expect(rowOf(page, reference)).toHaveCount(1);
  }
}

/** The title label of an installed image, asked of the docker CLI directly (not through Arch Matrix). */
function titleOf(testEnv: TestEnv, reference: string): string {
  const out = spawnSync(testEnv.dockerBin, ['image', 'inspect', '--format', '{{json .Config.Labels}}', reference], {
    env: testEnv.env,
    encoding: 'utf8',
  });
  const labels: unknown = JSON.parse(out.stdout.trim() || '{}');
  const title = isRecord(labels) ? labels['org.opencontainers.image.title'] : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title : reference;
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: label }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('every row carries data-this-machine: the installed corpus and the deep corpus, as their descriptions say', async ({
  page,
}) => {
  expect(MACHINE, 'the test environment runs on linux/amd64 Linux').toEqual({ platform: 'linux/amd64', os: 'linux' });
  await page.setViewportSize(PANE);
  await page.goto(started().url);
  const installed = installedImages(env);
  await settledRows(page, installed.length);
  // Every row, settled or not, carries one of the four answers.
  for (const value of await page
    .locator('tr[data-image]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-this-machine'))))
    expect(['works', 'will-not-install', 'broken', 'unknown']).toContain(value);
  for (const [reference, expected] of seededImages(env))
    await expect(rowOf(page, reference), reference).toHaveAttribute('data-this-machine', byVerdict(expected.verdict));

  await typeIn(page, [PRIVATE, ...DEEP.map((image) => image.reference)]);
  await expect(rowOf(page, PRIVATE)).toHaveAttribute('data-this-machine', byVerdict(UNAUTHORIZED_EXPECTED.verdict));
  for (const image of DEEP) {
    const row = rowOf(page, image.reference);
    await expect(row.getByTestId('deep-line'), image.reference).toHaveAttribute('data-deep-state', 'done', {
      timeout: 180_000,
    });
    await expect(row, image.reference).toHaveAttribute('data-this-machine', deepExpected(image, MACHINE));
    // Never "works" while checking: a settled row's chip says its answer, not Checking….
    await expect(row.getByTestId('this-machine-answer'), image.reference).toHaveAttribute('data-checking', 'false');
  }
  // The deep corpus covers every answer but "will not install" here (both variants published): the installed one does.
  const answers = new Set(DEEP.map((image) => deepExpected(image, MACHINE)));
  expect([...answers].sort()).toEqual(['broken', 'unknown', 'works']);
});

test('the exports: names, answers, verdict label and code, cells as on screen; the filter and the date in the header and file name', async ({
  page,
}) => {
  await page.setViewportSize(PANE);
  await page.goto(started().url);
  const installed = installedImages(env);
  await settledRows(page, installed.length);
  const seeded = seededImages(env);

  const json = await download(page, 'Download JSON');
  expect(json.name).toMatch(/^arch-matrix-\d{4}-\d{2}-\d{2}\.json$/);
  const doc: unknown = JSON.parse(json.text);
  if (!isRecord(doc) || !Array.isArray(doc['rows'])) throw new Error('the JSON export has no rows');
  expect(doc).toMatchObject({ thisMachine: MACHINE.platform, thisMachineOs: MACHINE.os, filter: null });
  const rows = doc['rows'].filter(isRecord);
  for (const [reference, expected] of seeded) {
    const exported = rows.find((r) => r['reference'] === reference);
    expect(exported, reference).toMatchObject({
      name: titleOf(env, reference),
      verdict: expected.verdict,
      thisMachine: { answer: byVerdict(expected.verdict) },
    });
  }

  const markdown = await download(page, 'Download Markdown');
  const table = markdown.text
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(' | '));
  const header = table[0] ?? [];
  expect(header.slice(0, 4)).toEqual(['Image', 'Extension', 'This machine', 'Verdict']);
  const arm = header.indexOf('linux/arm64');
  for (const [reference, expected] of seeded) {
    const cells = table.find((c) => c[0] === reference);
    expect(cells?.[1], reference).toBe(titleOf(env, reference));
    expect(cells?.[3], reference).toMatch(new RegExp(`\\(${expected.verdict}\\)$`));
    // What the screen's cell shows: ✓ published; ✗ a needed platform missing; ? nobody could tell.
    const screen = await rowOf(page, reference).locator('td[data-platform="linux/arm64"]').getAttribute('data-state');
    expect(cells?.[arm], reference).toBe(screen === 'yes' ? '✓' : screen === 'no' ? '✗' : '?');
  }
  const answerWords = await page.locator('tr[data-image]').evaluateAll((trs) =>
    trs.map((tr) => [
      tr.getAttribute('data-image'),
      // The row's chip says it short ("Works") under "This machine"; its full words are the export's.
      tr.querySelector('[data-testid="this-machine-answer"]')?.getAttribute('data-label'),
    ]),
  );
  for (const [reference, words] of answerWords)
    expect(table.find((c) => c[0] === reference)?.[2], reference ?? '').toBe(words);

  // A filter in effect: in the header and in the file name.
  await page.getByRole('combobox', { name: 'Verdict' }).click();
  await page.getByRole('option', { name: /^Needs attention/ }).click();
  const filtered = await download(page, 'Download CSV');
  expect(filtered.name).toMatch(/^arch-matrix-\d{4}-\d{2}-\d{2}-needs-attention\.csv$/);
  const [csvHeader, ...csvRows] = filtered.text.split('\r\n').filter((line) => line !== '');
  expect(csvHeader?.split(',').slice(0, 2)).toEqual(['reference', 'verdict']);
  expect(csvHeader).toContain('verdict_label,name,this_machine_answer,this_machine_reason');
  expect(csvRows.length).toBeGreaterThan(0);
  for (const line of csvRows) expect(line).toMatch(/,needs attention \(showing \d+ of \d+\),/);
});
