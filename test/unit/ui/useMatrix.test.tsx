import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMatrix } from '@ui/features/matrix/hooks/useMatrix';
import { REMEMBERED_KEY, parseRemembered } from '@ui/features/matrix/model/remembered';
import { loadFixture } from '../../support/recordings.js';
import { reply } from '../../support/standin/corpusConfig.js';
import { R, SELF, corpusClient, providers } from '../../support/hookHarness';

const verdicts = (
  rows: readonly { reference: string; result?: { verdict: string } }[],
): Record<string, string | undefined> => Object.fromEntries(rows.map((row) => [row.reference, row.result?.verdict]));

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  delete window.ddClient;
});

describe('useMatrix (recorded corpus, host arm64)', { timeout: 60_000 }, () => {
  it('lists, inspects every installed image and ends done, with one row each', async () => {
    const { dd } = corpusClient();
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
    const rows = result.current.state.rows;
    expect(rows.map((row) => row.reference).sort()).toEqual(
      [
        R('amd64-only'),
        R('arm64-only-attested'),
        R('good'),
        R('legacy-list'),
        R('many-platforms'),
        R('wrong-host-binary'),
        SELF,
      ].sort(),
    );
    expect(rows.filter((row) => row.status !== 'done')).toEqual([]);
    expect(verdicts(rows)).toMatchObject({
      [R('good')]: 'ready',
      [R('amd64-only')]: 'incompatible',
      [SELF]: 'local-only',
    });
    expect(rows.find((row) => row.reference === SELF)?.isSelf).toBe(true);
  });

  it('saves the installed rows for the next visit when a run ends, and not before', async () => {
    const { dd } = corpusClient();
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    expect(window.localStorage.getItem(REMEMBERED_KEY)).toBeNull();
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
    const saved = parseRemembered(window.localStorage.getItem(REMEMBERED_KEY));
    expect(saved?.rows.map((row) => row.reference).sort()).toEqual(
      result.current.state.rows.map((row) => row.reference).sort(),
    );
    expect(verdicts(saved?.rows ?? [])).toEqual(verdicts(result.current.state.rows));
    expect(saved?.rows.find((row) => row.reference === R('good'))?.local?.id).toMatch(/^sha256:/);
  });

  it('does not save a run that was stopped', async () => {
    const held = reply('imagetools-raw', loadFixture('good.imagetools-raw'), 'never-answer');
    const { dd, record } = corpusClient({ replies: [held] });
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    await waitFor(
      () => expect(result.current.state.rows.find((row) => row.reference === R('legacy-list'))?.status).toBe('done'),
      { timeout: 20_000 },
    );
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.state.phase).toBe('cancelled'), { timeout: 20_000 });
    expect(record.closed).toEqual([['buildx', 'imagetools', 'inspect', R('good'), '--raw']]);
    expect(window.localStorage.getItem(REMEMBERED_KEY)).toBeNull();
  });

  it('adds a typed image as a row of its own through inspect(), and remove() takes it away', async () => {
    const { dd } = corpusClient();
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
    let refusal: string | undefined = 'not called';
    act(() => {
      refusal = result.current.inspect(`  ${R('windows-entry')} `);
    });
    expect(refusal).toBeUndefined();
    await waitFor(
      () => expect(result.current.state.rows.find((row) => row.origin === 'typed')?.result?.verdict).toBe('ready'),
      { timeout: 20_000 },
    );
    expect(result.current.state.rows.filter((row) => row.origin === 'typed').map((row) => row.reference)).toEqual([
      R('windows-entry'),
    ]);
    act(() => result.current.remove(R('windows-entry')));
    expect(result.current.state.rows.filter((row) => row.origin === 'typed')).toEqual([]);
  });

  it('an installed image typed again is not added twice: its own row is highlighted, once per submission', async () => {
    const { dd, record } = corpusClient();
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
    const before = record.commands.length;
    let refusal: string | undefined = 'not called';
    act(() => {
      refusal = result.current.inspect(` docker.io/${SELF}\n`);
    });
    expect(refusal).toBeUndefined();
    expect(result.current.highlight).toEqual({ key: `installed:${SELF}`, serial: 1, installed: true });
    expect(result.current.state.rows.filter((row) => row.origin === 'typed')).toEqual([]);
    expect(record.commands.length).toBe(before);
    // A new image is added as a typed row and highlighted in its turn.
    act(() => void result.current.inspect(R('windows-entry')));
    expect(result.current.highlight).toEqual({ key: `typed:${R('windows-entry')}`, serial: 2, installed: false });
    // Refused input highlights nothing new.
    act(() => void result.current.inspect('Not A Reference'));
    expect(result.current.highlight?.serial).toBe(2);
  });

  it('refresh() runs the listing again', async () => {
    const { dd, record } = corpusClient();
    const { result } = renderHook(() => useMatrix(), { wrapper: providers(dd) });
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
    const listings = (): number =>
      record.commands.filter((command) => command.argv[0] === 'image' && command.argv[1] === 'ls').length;
    const before = listings();
    act(() => result.current.refresh());
    await waitFor(() => expect(listings()).toBe(before + 1), { timeout: 20_000 });
    await waitFor(() => expect(result.current.state.phase).toBe('done'), { timeout: 20_000 });
  });
});
