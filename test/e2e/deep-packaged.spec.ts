/**
 * The deep check end to end with the PACKAGED backend: the image `make push-extension` builds runs as a
 * container on the test engine (as Docker Desktop runs vm.image: /run/guest-services bind-mounted), browser
 * mode relays vm.service to its socket (ARCHMATRIX_BACKEND_SOCKET), and the tab shows the deep verdicts and
 * the host-binary grid of the deep corpus. The container gets the host's network (`--network=host`, not
 * none): the corpus is on the loopback registries, which a container on its own network cannot reach,
 * while Docker Desktop's VM reaches registries. The test may run containers; the product never does.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushExtensionImage, removeLocalCopy, uniqueTag, type ExtensionPush } from '../env/extensionImage.js';
import { docker, dockerOk } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';
import { deepCorpus } from '../support/deepCorpus.js';
import { launchServer, type ServerProcess } from '../support/browserModeServer.js';

const env = loadTestEnv();
const IMAGES = deepCorpus(env).filter(
  (image) =>
    image.registry === 'open' &&
    ['darwin-x64-both', 'good', 'compose-backend', 'missing-in-arm64'].includes(image.name),
);
const guest = mkdtempSync(join(tmpdir(), 'am-guest-'));
const sock = join(guest, 'archmatrix.sock');
let push: ExtensionPush | undefined;
let container: string | undefined;
let server: ServerProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  push = pushExtensionImage(env, uniqueTag('deep-e2e'));
  if (push.make.status !== 0)
    throw new Error(`make push-extension exited ${String(push.make.status)}:\n${push.make.stderr.slice(-4000)}`);
  container = `archmatrix-deep-e2e-${push.tag}`;
  dockerOk(env, [
    'run',
    '--detach',
    `--name=${container}`,
    '--network=host',
    '--platform=linux/amd64',
    `--volume=${guest}:/run/guest-services`,
    push.reference,
  ]);
  for (let i = 0; i < 150 && !existsSync(sock); i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!existsSync(sock))
    throw new Error(`no socket after 30 s; container log:\n${docker(env, ['logs', container]).stderr}`);
  server = await launchServer('npm', ['start'], { ...env.env, ARCHMATRIX_BACKEND_SOCKET: sock });
});

test.afterAll(() => {
  server?.stop();
  if (container !== undefined) docker(env, ['rm', '--force', container]);
  if (push !== undefined) removeLocalCopy(env, push.reference);
  rmSync(guest, { recursive: true, force: true });
});

const row = (page: Page, reference: string) => page.locator(`tr[data-image="${reference}"]`);

test('browser mode relays vm.service to the packaged backend, and the tab shows its deep verdicts and host-binary grid', async ({
  page,
}) => {
  if (server === undefined || container === undefined) throw new Error('not started');
  await expect.poll(() => server?.output() ?? '').toContain(`vm.service goes to the backend on ${sock}`);
  await page.goto(server.url);
  const input = page.getByRole('textbox', { name: /inspect/i });
  for (const image of IMAGES) {
    await input.fill(image.reference);
    await input.press('Enter');
  }
  for (const image of IMAGES) {
    await expect(row(page, image.reference).locator('[data-testid="deep-line"]'), image.reference).toHaveAttribute(
      'data-deep-state',
      'done',
      { timeout: 120_000 },
    );
    await expect(row(page, image.reference).locator('[data-testid="verdict"]'), image.reference).toHaveAttribute(
      'data-verdict',
      image.verdict,
    );
  }
  const wrong = IMAGES.find((i) => i.name === 'darwin-x64-both');
  if (wrong === undefined) throw new Error('darwin-x64-both is not in the deep corpus');
  await row(page, wrong.reference)
    .getByRole('button', { name: `Show details of ${wrong.reference}` })
    .click();
  const cells = page.locator(`[data-host-binary][data-image="${wrong.reference}"]`);
  await expect(cells.first()).toBeVisible();
  const seen = await cells.evaluateAll((els) =>
    els.map((e) => ['os', 'platform', 'host-binary', 'state'].map((a) => e.getAttribute(`data-${a}`)).join(' ')),
  );
  expect(seen.sort()).toEqual(wrong.hostBinaries.map((b) => `${b.os} ${b.platform} ${b.path} ${b.state}`).sort());
  // The packaged backend did the reading: its container is the one that logged the requests' jobs.
  expect(dockerOk(env, ['inspect', '--format={{.State.Running}}', container]).trim()).toBe('true');
});

test('the tab says the backend is down on the affected rows when the container stops, and keeps the platform matrix', async ({
  page,
}) => {
  if (server === undefined || container === undefined) throw new Error('not started');
  dockerOk(env, ['stop', '--time=10', container]);
  const image = IMAGES[0];
  if (image === undefined) throw new Error('no image');
  await page.goto(server.url);
  const input = page.getByRole('textbox', { name: /inspect/i });
  await input.fill(image.reference);
  await input.press('Enter');
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toHaveAttribute(
    'data-deep-state',
    'backend-down',
    { timeout: 60_000 },
  );
  await expect(row(page, image.reference).locator('[data-testid="verdict"]')).toHaveAttribute('data-verdict', 'ready');
  await expect(row(page, image.reference).locator('[data-testid="deep-line"]')).toContainText('Backend down or slow');
});
