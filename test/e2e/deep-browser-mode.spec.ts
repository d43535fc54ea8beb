/**
 * The deep check in browser mode, end to end: `npm start` on the test environment (the backend
 * module runs in the server process: no image), the deep corpus typed into the tab (it is on the
 * registry, not installed in the engine), and every row must end with the corpus's deep verdict in
 * its badge, one line saying which OS and CPU, and, in its open details, one element per host
 * binary and variant carrying the corpus's state. Typed references read every variant from the
 * registry. Installed extensions read only this machine's variant, from the engine's local store
 * (nothing from the registries); their other variants are read from the registry when the details'
 * button is clicked, its size said first. Runs after the browser-mode project (both rebuild dist/ui
 * through `npm start`).
 */
import { expect, test, type Page, type Response } from '@playwright/test';
import { isRecord } from '@core/json.js';
import { loadTestEnv } from '../env/testEnv.js';
import { corpusRef, installedImages, settledRows } from '../support/browserMode.js';
import { deepCorpus, type DeepCorpusImage } from '../support/deepCorpus.js';
import { launchServer, type ServerProcess } from '../support/browserModeServer.js';

const env = loadTestEnv();
const OPEN = deepCorpus(env).filter((image) => image.registry === 'open');
let server: ServerProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await launchServer('npm', ['start'], env.env);
});
test.afterAll(() => server?.stop());

const row = (page: Page, reference: string) => page.locator(`tr[data-image="${reference}"]`);

async function typeAll(page: Page, images: readonly DeepCorpusImage[]): Promise<void> {
  const input = page.getByRole('textbox', { name: /inspect/i });
  for (const image of images) {
    await input.fill(image.reference);
    await input.press('Enter');
    await expect(row(page, image.reference)).toHaveCount(1);
  }
}

type Cell = readonly [os: string, platform: string, path: string, state: string];
const key = (c: Cell): string => c.join(' ');

test('every deep corpus image gets its deep verdict, one line, and its host-binary grid', async ({ page }) => {
  if (server === undefined) throw new Error('npm start did not start');
  await page.goto(server.url);
  await typeAll(page, OPEN);
  for (const image of OPEN) {
    const line = row(page, image.reference).locator('[data-testid="deep-line"]');
    await expect(line, image.reference).toHaveAttribute('data-deep-state', 'done', { timeout: 120_000 });
    await expect(row(page, image.reference).locator('[data-testid="verdict"]'), image.reference).toHaveAttribute(
      'data-verdict',
      image.verdict,
    );
    if (image.verdict === 'wrong-host-binary') {
      await expect(line).toContainText(/(macOS|Windows|Linux) on (arm64|x86_64).*variant\)/);
      // The row says this machine's answer on one line and the finding on the deep line: never the same words twice.
      const reason = row(page, image.reference).getByTestId('row-reason');
      await expect(reason).not.toBeEmpty();
      expect(await reason.textContent()).not.toBe(await line.locator('.MuiTypography-root').first().textContent());
    }
  }
  for (const image of OPEN.filter((i) => i.hostBinaries.length > 0)) {
    await row(page, image.reference)
      .getByRole('button', { name: `Show details of ${image.reference}` })
      .click();
    const cells = page.locator(`[data-host-binary][data-image="${image.reference}"]`);
    await expect(cells.first()).toBeVisible();
    const seen: Cell[] = await cells.evaluateAll((els) =>
      els.map(
        (e) =>
          [
            e.getAttribute('data-os') ?? '',
            e.getAttribute('data-platform') ?? '',
            e.getAttribute('data-host-binary') ?? '',
            e.getAttribute('data-state') ?? '',
          ] as const,
      ),
    );
    const expected: Cell[] = image.hostBinaries.map((b) => [b.os, b.platform, b.path, b.state] as const);
    expect(seen.map(key).sort(), image.reference).toEqual(expect.arrayContaining(expected.map(key).sort()));
    // One error said once: a deep verdict that is the row's has its explanation and fix atop the panel only.
    const details = page.getByTestId('row-details');
    if (image.verdict === 'wrong-host-binary') {
      await expect(details.getByTestId('fix'), image.reference).toHaveCount(1);
      await expect(details.getByTestId('deep-message'), image.reference).toHaveAttribute('data-told-above', 'true');
    }
    await row(page, image.reference)
      .getByRole('button', { name: `Hide details of ${image.reference}` })
      .click();
  }
});

test('reopening the tab repaints a deep result from memory, with no request to the backend about that image', async ({
  page,
}) => {
  if (server === undefined) throw new Error('npm start did not start');
  const image = OPEN.find((i) => i.name === 'darwin-x64-both');
  if (image === undefined) throw new Error('darwin-x64-both is not in the deep corpus');
  await page.goto(server.url);
  await typeAll(page, [image]);
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toHaveAttribute(
    'data-deep-state',
    'done',
    { timeout: 120_000 },
  );
  // Installed rows of the first visit may still be running: only requests about this image count.
  const deepRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/vm/deep') && (request.postData() ?? '').includes(image.reference))
      deepRequests.push(request.postData() ?? '');
  });
  await page.reload();
  await typeAll(page, [image]);
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toHaveAttribute(
    'data-deep-state',
    'done',
  );
  // Remembered: said by the line's hook (and in words under "For the publisher"), not in the row's text.
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toHaveAttribute(
    'data-remembered',
    'true',
  );
  await expect(row(page, image.reference).locator('[data-testid="verdict"]')).toHaveAttribute(
    'data-verdict',
    'wrong-host-binary',
  );
  expect(deepRequests).toEqual([]);
});

/** What the page asked of the backend (POST /deep bodies) and every finished item it was answered. */
function recordDeep(page: Page): { posts: unknown[]; items: Map<string, Record<string, unknown>> } {
  const posts: unknown[] = [];
  const items = new Map<string, Record<string, unknown>>();
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/vm/deep')) posts.push(request.postDataJSON());
  });
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/vm/deep') || !response.ok()) return;
    void response.json().then(
      (body: unknown) => {
        const list = isRecord(body) && Array.isArray(body['items']) ? body['items'] : [];
        for (const item of list)
          if (isRecord(item) && item['state'] === 'done' && typeof item['reference'] === 'string')
            items.set(`${String(isRecord(body) ? body['id'] : '')} ${item['reference']}`, item);
      },
      () => undefined,
    );
  });
  return { posts, items };
}

const sourcesOf = (item: Record<string, unknown>): unknown[] => {
  const result = item['result'];
  return isRecord(result) && Array.isArray(result['hostBinaries'])
    ? result['hostBinaries'].map((b) => (isRecord(b) ? b['source'] : undefined))
    : [];
};
const bytesReadOf = (item: Record<string, unknown>): unknown =>
  isRecord(item['progress']) ? item['progress']['bytesRead'] : undefined;

test("installed rows read this machine's variant from the engine: 0 bytes from the registries", async ({ page }) => {
  if (server === undefined) throw new Error('npm start did not start');
  const deep = recordDeep(page);
  await page.goto(server.url);
  const installed = installedImages(env);
  await settledRows(page, installed.length);
  // Every installed row asked for this machine's copy, and nothing else was asked.
  expect(deep.posts.length).toBeGreaterThan(0);
  for (const body of deep.posts) expect(body).toMatchObject({ source: 'local' });
  expect(deep.posts.every((body) => isRecord(body) && body['platforms'] === undefined)).toBe(true);
  // Every finished item read no registry byte, and every host binary came from the local store.
  const done = [...deep.items.values()];
  expect(done.length).toBeGreaterThan(0);
  for (const item of done) {
    expect(bytesReadOf(item) ?? 0, String(item['reference'])).toBe(0);
    const result = item['result'];
    expect(isRecord(result) && isRecord(result['deep']) ? result['deep']['bytesRead'] : 0).toBe(0);
    for (const source of sourcesOf(item)) expect(source, String(item['reference'])).toBe('local');
  }
  // The DOM says it too: each host binary of an opened row carries data-source="local".
  const reference = corpusRef(env, 'good');
  await row(page, reference)
    .getByRole('button', { name: `Show details of ${reference}` })
    .click();
  const cells = page.locator(`[data-host-binary][data-image="${reference}"]`);
  await expect(cells.first()).toBeVisible();
  expect(await cells.count()).toBeGreaterThan(0);
  const sources = await cells.evaluateAll((els) =>
    els.map((e) => e.closest('[data-source]')?.getAttribute('data-source') ?? ''),
  );
  expect(new Set(sources)).toEqual(new Set(['local']));
  await expect(row(page, reference).getByTestId('deep-line')).toContainText('this machine (linux/amd64)');
});

test('the other variants: their size first, then read from the registry on a click, and folded into the verdict', async ({
  page,
}) => {
  if (server === undefined) throw new Error('npm start did not start');
  const deep = recordDeep(page);
  await page.goto(server.url);
  const reference = corpusRef(env, 'wrong-host-binary');
  const line = row(page, reference).locator('[data-testid="deep-line"]');
  await expect(line).toHaveAttribute('data-deep-state', 'done', { timeout: 180_000 });
  // On this linux/amd64 machine its own variant is right.
  const verdict = row(page, reference).locator('[data-testid="verdict"]');
  await expect(verdict).not.toHaveAttribute('data-verdict', 'wrong-host-binary');
  await row(page, reference)
    .getByRole('button', { name: `Show details of ${reference}` })
    .click();
  const details = page.getByTestId('row-details');
  const button = details.locator(`[data-testid="deep-other-variants"][data-image="${reference}"]`);
  await expect(button).toBeVisible();
  await expect(button).toHaveText(/^Check linux\/arm64 too: \d+(\.\d+)? (B|KiB|MiB|GiB) from the registry$/);
  const before = deep.posts.length;
  await button.click();
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong-host-binary', { timeout: 120_000 });
  expect(deep.posts.slice(before)).toEqual([
    { references: [reference], source: 'registry', platforms: ['linux/arm64'] },
  ]);
  // This machine's variant stays from the engine; linux/arm64 came from the registry.
  const cell = (platform: string, source: string) =>
    page.locator(`[data-host-binary][data-image="${reference}"][data-platform="${platform}"][data-source="${source}"]`);
  await expect(cell('linux/arm64', 'registry').first()).toBeVisible();
  await expect(cell('linux/amd64', 'local').first()).toBeVisible();
  await expect(page.locator(`[data-host-binary][data-image="${reference}"][data-state="wrong-cpu"]`)).toHaveCount(1);
  await expect(button).toHaveCount(0);
});
