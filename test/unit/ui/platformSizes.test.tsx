import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '@core/index.js';
import { App } from '@ui/app/App';
import { sizeText, sizeToolOf } from '@ui/features/matrix/model/platformSizes';
import { derived, reply } from '../../support/standin/corpusConfig.js';
import { loadFixture } from '../../support/recordings.js';
import { R, corpusClient, freshTabPerTest } from '../../support/hookHarness';

interface Decoded {
  readonly Descriptor: { readonly digest: string; readonly platform?: { readonly architecture: string } };
  readonly OCIManifest?: { readonly layers: readonly { readonly size: number }[] };
  readonly SchemaV2Manifest?: { readonly layers: readonly { readonly size: number }[] };
}

/** Docker's own reading of each platform of an image (manifest inspect --verbose): digest -> layers' sum. Attestations left out. */
function dockerSums(name: string): Map<string, number> {
  const entries = (JSON.parse(loadFixture(`${name}.manifest-inspect-verbose`).stdout) as Decoded[]).filter(
    (e) => e.Descriptor.platform?.architecture !== 'unknown',
  );
  return new Map(
    entries.map((e) => [
      e.Descriptor.digest,
      (e.OCIManifest ?? e.SchemaV2Manifest)?.layers.reduce((sum, l) => sum + l.size, 0) ?? -1,
    ]),
  );
}

async function openDetails(reference: string): Promise<HTMLElement> {
  await waitFor(
    () => expect(document.querySelector(`tr[data-image="${reference}"] [data-verdict="ready"]`)).not.toBeNull(),
    { timeout: 20_000 },
  );
  fireEvent.click(screen.getByRole('button', { name: `Show details of ${reference}` }));
  return screen.findByTestId('row-details');
}

const sizeCells = (details: HTMLElement): HTMLElement[] => within(details).getAllByTestId('compressed-size');
const digestOf = (cell: HTMLElement): string =>
  cell.closest('tr')?.querySelector('[data-digest]')?.getAttribute('data-digest') ?? '';

freshTabPerTest();

describe("each platform's compressed size in the details (recorded corpus)", { timeout: 60_000 }, () => {
  it('reads every platform of the index when the details open, and shows the layers added up as docker reads them', async () => {
    const { record } = corpusClient();
    render(<App />);
    const before = record.commands.length;
    const details = await openDetails(R('legacy-list'));
    const sums = dockerSums('legacy-list');
    await waitFor(
      () => expect(sizeCells(details).every((cell) => cell.getAttribute('data-state') === 'ready')).toBe(true),
      { timeout: 20_000 },
    );
    expect(sizeCells(details)).toHaveLength(sums.size);
    for (const cell of sizeCells(details)) {
      const sum = sums.get(digestOf(cell));
      expect(sum).toBeGreaterThan(0);
      expect(cell.textContent).toBe(formatBytes(sum ?? 0));
    }
    const reads = record.commands
      .slice(before)
      .filter((c) => c.argv.some((arg) => arg.includes('corpus/legacy-list@sha256:')));
    expect(reads.map((c) => c.argv[3]).sort()).toEqual(
      [...sums.keys()].map((d) => `127.0.0.1:5000/corpus/legacy-list@${d}`).sort(),
    );
    expect(reads.every((c) => c.argv[4] === '--raw')).toBe(true);
  });

  it('closing and opening the details again reads nothing new (a digest never changes size)', async () => {
    const { record } = corpusClient();
    render(<App />);
    const reference = R('good');
    let details = await openDetails(reference);
    await waitFor(
      () => expect(sizeCells(details).every((cell) => cell.getAttribute('data-state') === 'ready')).toBe(true),
      { timeout: 20_000 },
    );
    const reads = (): number =>
      record.commands.filter((c) => c.argv.some((arg) => arg.includes('corpus/good@sha256:'))).length;
    const first = reads();
    fireEvent.click(screen.getByRole('button', { name: `Hide details of ${reference}` }));
    await waitFor(() => expect(screen.queryByTestId('row-details')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: `Show details of ${reference}` }));
    details = await screen.findByTestId('row-details');
    expect(sizeCells(details).every((cell) => cell.getAttribute('data-state') === 'ready')).toBe(true);
    expect(reads()).toBe(first);
  });

  it('a platform the registry refuses shows "—" with the reason on hover, and the other platforms still show theirs', async () => {
    const sums = dockerSums('many-platforms');
    const refused = [...sums.keys()][0] ?? '';
    const unauthorized = derived(
      reply('imagetools-raw', loadFixture('error-unauthorized.imagetools-raw')),
      'asked for one platform digest',
      {
        refs: [`127.0.0.1:5000/corpus/many-platforms@${refused}`],
      },
    );
    corpusClient({ replies: [unauthorized] });
    render(<App />);
    const details = await openDetails(R('many-platforms'));
    await waitFor(
      () => expect(sizeCells(details).every((cell) => cell.getAttribute('data-state') !== 'loading')).toBe(true),
      { timeout: 20_000 },
    );
    const failed = sizeCells(details).filter((cell) => cell.getAttribute('data-state') === 'failed');
    expect(failed.map(digestOf)).toEqual([refused]);
    expect(failed[0]?.textContent).toBe('—');
    expect(failed[0]?.getAttribute('title')).toMatch(
      /^Size not read: The registry refused access: log in with `docker login /,
    );
    expect(sizeCells(details).filter((cell) => cell.getAttribute('data-state') === 'ready')).toHaveLength(
      sums.size - 1,
    );
  });
});

describe('platform size model', () => {
  it('asks the way the row was asked', () => {
    const argv = (first: string): { argv: string[]; exitCode: number; stdout: string; stderr: string } => ({
      argv: [first, 'inspect'],
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(sizeToolOf({ commands: [argv('buildx')] })).toBe('buildx');
    expect(sizeToolOf({ commands: [argv('buildx'), argv('manifest')] })).toBe('manifest');
    expect(sizeToolOf({ commands: [] })).toBe('buildx');
  });

  it('words each state', () => {
    expect(sizeText(undefined).text).toBe('…');
    expect(sizeText({ kind: 'failed', reason: 'Size not read: x' })).toEqual({ text: '—', title: 'Size not read: x' });
    expect(sizeText({ kind: 'ready', size: { layerBytes: 2048, layers: 1, configBytes: 5 } })).toEqual({
      text: '2.0 KiB',
      title: '1 layer, compressed (what a pull downloads)',
    });
  });
});
