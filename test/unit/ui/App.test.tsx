import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { App } from '@ui/app/App';
import { REMEMBERED_KEY, parseRemembered, serialiseRemembered } from '@ui/features/matrix/model/remembered';
import { fakeDesktopClient } from '../../support/fakeClient.js';
import { loadFixture, loadRecording } from '../../support/recordings.js';
import { freshTabPerTest } from '../../support/hookHarness';
import { corpusConfig, reply } from '../../support/standin/corpusConfig.js';
import { installStandin } from '../../support/standin/installStandin.js';
import type { StandinConfig, StandinRecord } from '../../support/standin/standinTypes.js';

const R = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;

function start(config: StandinConfig): StandinRecord {
  installStandin(config, fakeDesktopClient);
  const record = window.__archmatrixStandin;
  if (record === undefined) throw new Error('stand-in not installed');
  return record;
}

const rowOf = (reference: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`tr[data-image="${reference}"]`);
  if (found === null) throw new Error(`no row ${reference}`);
  return found;
};
const verdictOf = (reference: string): string | null =>
  rowOf(reference).querySelector('[data-testid="verdict"]')?.getAttribute('data-verdict') ?? null;
const allDone = (): boolean => {
  const verdicts = [...document.querySelectorAll('tr[data-image] [data-testid="verdict"]')];
  return verdicts.length > 0 && verdicts.every((v) => v.getAttribute('data-verdict') !== 'pending');
};

freshTabPerTest();

// jsdom renders MUI slowly on a busy machine: generous limits, no timing assertions.
describe('the matrix tab (jsdom, recorded corpus, host arm64)', { timeout: 60_000 }, () => {
  it('fills every row in with its verdict, marks itself and this machine, and runs only read-only commands', async () => {
    const record = start(corpusConfig({ delayMs: 1 }));
    render(<App />);
    await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
    expect(verdictOf(R('good'))).toBe('ready');
    expect(verdictOf(R('amd64-only'))).toBe('incompatible');
    expect(verdictOf(R('arm64-only-attested'))).toBe('missing-platforms');
    expect(verdictOf('local/dev-extension:latest')).toBe('local-only');
    expect(within(rowOf('local/dev-extension:latest')).getByTestId('self').textContent).toBe('This extension');
    expect(screen.getByTestId('this-machine').closest('th')?.getAttribute('data-column')).toBe('linux/arm64');
    // The summary counts settled rows only: the deep checks (no backend here) end just after the verdicts.
    await waitFor(
      () =>
        expect(screen.getByTestId('summary').textContent).toContain('will not install on this machine (linux/arm64)'),
      { timeout: 20_000 },
    );
    expect(record.commands.length).toBeGreaterThan(0);
    expect(record.commands.filter((c) => !isReadOnlyCommand(c.argv))).toEqual([]);
    expect(record.unmatched).toEqual([]);
  });

  it('does not hold the other rows back for one that never answers, and closes it when the tab goes away', async () => {
    const held = reply('imagetools-raw', loadFixture('good.imagetools-raw'), 'never-answer');
    const record = start(corpusConfig({ delayMs: 1, replies: [held] }));
    const { unmount } = render(<App />);
    await waitFor(() => expect(verdictOf(R('legacy-list'))).toBe('ready'), { timeout: 20_000 });
    await waitFor(() => expect(verdictOf(R('many-platforms'))).toBe('ready'), { timeout: 20_000 });
    expect(verdictOf(R('good'))).toBe('pending');
    expect(rowOf(R('good')).querySelector('[data-platform="linux/amd64"]')?.getAttribute('data-state')).toBe('pending');
    expect(record.closed).toEqual([]);
    unmount();
    expect(record.closed).toEqual([['buildx', 'imagetools', 'inspect', R('good'), '--raw']]);
  });

  it('Stop closes a command that never answers and the row still ends in a verdict; Refresh runs again', async () => {
    const held = reply('imagetools-raw', loadFixture('good.imagetools-raw'), 'never-answer');
    const record = start(corpusConfig({ delayMs: 1, replies: [held] }));
    render(<App />);
    await waitFor(() => expect(verdictOf(R('legacy-list'))).toBe('ready'), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
    expect(verdictOf(R('good'))).toBe('error');
    expect(record.closed.length).toBe(1);
    const before = record.commands.length;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(record.commands.length).toBeGreaterThan(before), { timeout: 20_000 });
  });

  it('shows remembered results at once on the next visit, while they are refreshed', () => {
    const stuck = reply('image-ls', loadFixture('engine.image-ls-extensions.docker-26.1.5'), 'never-answer');
    start(corpusConfig({ replies: [stuck] }));
    const remembered = serialiseRemembered(
      [
        {
          reference: R('good'),
          origin: 'installed',
          isSelf: false,
          status: 'done',
          result: {
            reference: R('good'),
            verdict: 'ready',
            explanation: 'Published for both',
            platforms: ['linux/amd64', 'linux/arm64'],
            commands: [],
          },
        },
      ],
      '2026-01-01T00:00:00.000Z',
    );
    window.localStorage.setItem(REMEMBERED_KEY, remembered);
    render(<App />);
    expect(verdictOf(R('good'))).toBe('ready');
    expect(screen.getByTestId('remembered-note').textContent).toContain('Showing results from');
  });

  it('saves the finished results for the next visit (every row, with its verdict and platforms)', async () => {
    start(corpusConfig({ delayMs: 1 }));
    render(<App />);
    await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
    await waitFor(() => expect(window.localStorage.getItem(REMEMBERED_KEY)).not.toBeNull(), { timeout: 20_000 });
    const saved = parseRemembered(window.localStorage.getItem(REMEMBERED_KEY));
    const shown = [...document.querySelectorAll('tr[data-image]')].map((tr) => tr.getAttribute('data-image'));
    expect(saved?.rows.map((row) => row.reference).sort()).toEqual([...shown].sort());
    const good = saved?.rows.find((row) => row.reference === R('good'));
    expect(good?.result?.verdict).toBe('ready');
    expect(good?.result?.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(saved?.rows.find((row) => row.reference === R('amd64-only'))?.result?.verdict).toBe('incompatible');
  });

  it('"Copy the fix" puts the fix command on the clipboard and says so', async () => {
    const written: string[] = [];
    const writeText = (text: string): Promise<void> => {
      written.push(text);
      return Promise.resolve();
    };
    Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const record = start(corpusConfig({ delayMs: 1 }));
      render(<App />);
      await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
      fireEvent.click(
        within(rowOf(R('amd64-only'))).getByRole('button', { name: `Show details of ${R('amd64-only')}` }),
      );
      const details = await screen.findByTestId('row-details');
      const fix = within(details).getByTestId('fix').textContent ?? '';
      expect(fix).toContain('--platform=linux/amd64,linux/arm64');
      fireEvent.click(within(details).getByRole('button', { name: 'Copy the fix' }));
      await waitFor(() => expect(record.toasts).toEqual([{ level: 'success', message: 'Copied to the clipboard.' }]), {
        timeout: 20_000,
      });
      expect(written).toEqual([fix]);
    } finally {
      Reflect.deleteProperty(window.navigator, 'clipboard');
    }
  });

  it('refuses invalid typed input with a reason and runs nothing; Enter submits a valid one', async () => {
    const record = start(corpusConfig({ delayMs: 1 }));
    render(<App />);
    await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
    const before = record.commands.length;
    const input = screen.getByTestId('inspect-input');
    fireEvent.change(input, { target: { value: '$(touch /tmp/x)' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(screen.getByTestId('inspect-message').getAttribute('role')).toBe('alert');
    expect(record.commands.length).toBe(before);

    fireEvent.change(input, { target: { value: R('windows-entry') } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(verdictOf(R('windows-entry'))).toBe('ready'), { timeout: 20_000 });
    expect(rowOf(R('windows-entry')).getAttribute('data-origin')).toBe('typed');
    expect(record.commands.length).toBeGreaterThan(before);
  });

  it('raises a banner when buildx is missing (recorded) and still ends every row', async () => {
    const missing = reply('buildx-version', loadRecording('buildx-missing.buildx-version'));
    start(corpusConfig({ delayMs: 1, replies: [missing] }));
    render(<App />);
    await waitFor(() => expect(document.querySelector('[data-banner="buildx-missing"]')).not.toBeNull(), {
      timeout: 20_000,
    });
    await waitFor(() => expect(allDone()).toBe(true), { timeout: 20_000 });
    expect(verdictOf(R('good'))).toBe('ready');
  });

  it('explains itself when there is no ddClient at all', async () => {
    render(<App />);
    await act(() => Promise.resolve());
    expect(document.querySelector('[data-banner="no-client"]')).not.toBeNull();
  });
});
