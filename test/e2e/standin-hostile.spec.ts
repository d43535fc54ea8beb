/**
 * Hostile input: labels holding HTML and javascript: URLs, hostile references typed in the field.
 * Nothing may execute, nothing may reach a command line, every row must end in a verdict.
 */
import { expect, test } from '@playwright/test';
import { loadFixture, type Recording } from '../support/recordings.js';
import { corpusConfig, imageRecord } from '../support/standin/corpusConfig.js';
import {
  expectAllVerdicts,
  expectEveryPageReadOnly,
  expectVerdict,
  matrix,
  openWithStandin,
  row,
  standinRecord,
} from '../support/e2eHarness';

const GOOD = '127.0.0.1:5000/corpus/good:1.0.0';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** The recorded `docker image inspect` of the good image with some labels replaced. */
function withLabels(changes: Record<string, string>): Recording {
  const rec = loadFixture('engine.image-inspect.good.docker-26.1.5');
  const images = JSON.parse(rec.stdout) as { Config: { Labels: Record<string, string> } }[];
  const first = images[0];
  if (first === undefined) throw new Error('empty recording');
  first.Config.Labels = { ...first.Config.Labels, ...changes };
  return { ...rec, stdout: `${JSON.stringify(images, null, 4)}\n` };
}

test.afterEach(async ({ page }) => {
  const pwned = await page.evaluate(() => window.__pwned);
  expect(pwned, 'a script from the input ran').toBeUndefined();
  await expectEveryPageReadOnly();
});

test('labels with HTML and javascript: URLs (derived from the recorded good image) render as text and never execute', async ({
  page,
}) => {
  const hostile = withLabels({
    'org.opencontainers.image.title': '<img src=x onerror="window.__pwned=1">',
    'org.opencontainers.image.description': '<script>window.__pwned=2</script><b>bold?</b>',
    'com.docker.desktop.extension.icon': 'javascript:window.__pwned=3',
    'com.docker.extension.additional-urls': JSON.stringify([
      { title: 'Evil docs', url: 'javascript:window.__pwned=4' },
      { title: 'Data', url: 'data:text/html,<script>window.__pwned=5</script>' },
      { title: 'Real docs', url: 'https://example.com/archmatrix-rig/good/docs' },
    ]),
    'com.docker.extension.publisher-url': 'javascript:window.__pwned=6',
  });
  await openWithStandin(page, corpusConfig({ images: [imageRecord(hostile)] }));
  await expectAllVerdicts(page);
  await expectVerdict(page, GOOD, 'ready');

  const goodRow = row(page, GOOD);
  await expect(goodRow).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('img[src^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);

  await goodRow.getByRole('button', { name: `Show details of ${GOOD}` }).click();
  const details = page.getByTestId('row-details');
  await expect(details.getByTestId('description')).toHaveText('<script>window.__pwned=2</script><b>bold?</b>');
  await expect(details.locator('script, b')).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Evil docs' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Data' })).toHaveCount(0);
  await details.getByRole('button', { name: 'Real docs' }).click();
  const record = await standinRecord(page);
  expect(record.opened).toEqual(['https://example.com/archmatrix-rig/good/docs']);
});

const HOSTILE_REFERENCES = [
  '$(touch /tmp/archmatrix-pwned)',
  'alpine; rm -rf /',
  'alpine && id',
  'alpine`id`',
  '-H=tcp://evil.example:2375',
  '--config=/tmp/evil',
  'foo bar',
  '"quoted"',
  "alpine'",
  '<img src=x onerror="window.__pwned=7">',
  'javascript:window.__pwned=8',
  'Bad/Name:tag',
  'alpine:latest\nrm -rf /',
  `${'a'.repeat(600)}:latest`,
];

test('hostile references typed in the field are refused with a reason and run no command', async ({ page }) => {
  await openWithStandin(page, corpusConfig());
  await expectAllVerdicts(page);
  const before = (await standinRecord(page)).commands.length;
  const input = page.getByTestId('inspect-input');
  for (const hostile of HOSTILE_REFERENCES) {
    await input.fill(hostile);
    await input.press('Enter');
    await expect(page.getByTestId('inspect-message'), hostile).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('inspect-message'), hostile).not.toHaveText('');
  }
  await expect(matrix(page).locator('tr[data-origin="typed"]')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect((await standinRecord(page)).commands.length).toBe(before);
});
