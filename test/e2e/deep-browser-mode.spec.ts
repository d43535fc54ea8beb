/**
 * The deep check in browser mode, end to end: `npm start` on the test environment (the backend
 * module runs in the server process: no image), the deep corpus typed into the tab (it is on the
 * registry, not installed in the engine), and every row must end with the corpus's deep verdict in
 * its badge, one line saying which OS and CPU, and, in its open details, one element per host
 * binary and variant carrying the corpus's state. Runs after the browser-mode project (both rebuild
 * dist/ui through `npm start`).
 */
import { expect, test, type Page } from '@playwright/test';
import { loadTestEnv } from '../env/testEnv.js';
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
      // The deep line says the finding: the badge has no second explanation above it.
      await expect(row(page, image.reference).getByTestId('row-explanation')).toHaveCount(0);
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
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toContainText('(remembered)');
  await expect(row(page, image.reference).locator('[data-testid="verdict"]')).toHaveAttribute(
    'data-verdict',
    'wrong-host-binary',
  );
  expect(deepRequests).toEqual([]);
});
