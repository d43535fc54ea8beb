/**
 * The summary counts only settled rows (ui/src/features/matrix/model/settled), over every row, with
 * the filter said beside it (model/summaryLine), and the filter menus count what each entry would show.
 */
import { describe, expect, it } from 'vitest';
import { VERDICTS, summariseMatrix } from '@core/index.js';
import type { InspectResult } from '@core/index.js';
import type { DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import {
  VERDICT_MENU,
  platformCount,
  platformMenu,
  verdictCount,
  withCounts,
} from '@ui/features/matrix/model/filterMenus';
import { runOverview } from '@ui/features/matrix/model/progress';
import { countedRows, isSettled } from '@ui/features/matrix/model/settled';
import { summaryCounts } from '@ui/features/matrix/model/summaryCounts';
import { emptyFilterText, showingText, summarySentence } from '@ui/features/matrix/model/summaryLine';
import { DEFAULT_VIEW } from '@ui/features/matrix/model/view';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { result } from '../../support/matrixRows.js';

const done = (reference: string, verdict: InspectResult['verdict'], origin: MatrixRow['origin'] = 'installed') => ({
  reference,
  origin,
  isSelf: false,
  status: 'done' as const,
  result: result(reference, verdict),
});
const pending = (reference: string): MatrixRow => ({
  reference,
  origin: 'installed',
  isSelf: false,
  status: 'pending',
});
const NOT_HERE: DeepRowState = { kind: 'no-backend', message: 'no backend' };
const RUNNING: DeepRowState = { kind: 'running' };

describe('settled rows', () => {
  it('a row is settled once its platform result is in and its deep check is neither waiting nor running', () => {
    const row = done('a', 'ready');
    expect(isSettled(row, NOT_HERE)).toBe(true);
    expect(isSettled(row, { kind: 'stopped' })).toBe(true);
    expect(isSettled(row, RUNNING)).toBe(false);
    expect(isSettled(row, { kind: 'waiting' })).toBe(false);
    // The deep queue hears of a new result just after it lands: not settled in between.
    expect(isSettled(row, undefined)).toBe(false);
    expect(isSettled(pending('a'), NOT_HERE)).toBe(false);
    expect(isSettled({ ...row, status: 'refreshing' }, NOT_HERE)).toBe(false);
  });

  it('never counts a row as ready before its deep check ends, so the ready count only grows (no 0 -> 3 -> 4 -> 3)', () => {
    const rows = [done('a', 'ready'), done('b', 'ready'), done('c', 'ready'), pending('d')];
    // b's deep check still runs (it will turn b red): b is not counted yet.
    const states = new Map<string, DeepRowState>([
      ['installed:a', NOT_HERE],
      ['installed:b', RUNNING],
      ['installed:c', NOT_HERE],
    ]);
    const first = countedRows(rows, (row) => states.get(rowKey(row)));
    expect(first.settled).toBe(2);
    expect(summaryCounts(first.rows)).toEqual({ installed: 4, ready: 2, attention: 0, pending: 2, typed: 0 });
    expect(summarySentence(summariseMatrix(first.rows))).toBe('2 of 4 checked so far');

    // b's deep check ends red (the judged row now says wrong-host-binary), d's platform result lands.
    const judged = [done('a', 'ready'), done('b', 'wrong-host-binary'), done('c', 'ready'), done('d', 'ready')];
    states.set('installed:b', NOT_HERE);
    states.set('installed:d', NOT_HERE);
    const second = countedRows(judged, (row) => states.get(rowKey(row)), first.memory);
    expect(summaryCounts(second.rows)).toEqual({ installed: 4, ready: 3, attention: 1, pending: 0, typed: 0 });
    expect(summarySentence(summariseMatrix(second.rows))).toBe('1 wrong host binary');
  });

  it('a row checked again (Refresh) keeps counting as it last settled until its new check settles', () => {
    const before = countedRows([done('a', 'incompatible')], () => NOT_HERE);
    const refreshing = { ...done('a', 'incompatible'), status: 'refreshing' as const };
    const during = countedRows([refreshing], () => RUNNING, before.memory);
    expect(during.settled).toBe(0);
    expect(during.rows.map((row) => row.result?.verdict)).toEqual(['incompatible']);
    // A row that never settled counts as not checked yet.
    expect(countedRows([pending('z')], () => undefined).rows.map((row) => row.result)).toEqual([undefined]);
  });

  it('the overview: progress over settled rows, the bar while any row is unsettled, the counts over all rows', () => {
    const rows = [done('a', 'ready'), done('b', 'missing-platforms')];
    const state = { phase: 'done' as const, rows };
    const counted = countedRows(rows, (row) => (row.reference === 'a' ? NOT_HERE : RUNNING));
    const overview = runOverview(state, undefined, counted.rows, counted.settled);
    expect(overview.progress).toEqual({ done: 1, total: 2 });
    expect(overview.checking).toBe(true);
    expect(overview.running).toBe(false);
    expect(overview.counts.installed.total).toBe(2);
    const settled = countedRows(rows, () => NOT_HERE);
    expect(runOverview(state, undefined, settled.rows, settled.settled).checking).toBe(false);
  });
});

describe('the summary line', () => {
  it('says what the links do not, typed images apart, and something when all is well', () => {
    const rows = [done('a', 'ready'), done('b', 'local-only'), done('t', 'not-found', 'typed')];
    expect(summarySentence(summariseMatrix(rows))).toBe('1 local only · 1 typed image: 0 of 1 ready; 1 not found');
    expect(summarySentence(summariseMatrix([done('a', 'ready')]))).toBe('Nothing needs attention.');
  });

  it('says how much a filter shows, and an empty filter says so (never that nothing is installed)', () => {
    expect(showingText(3, 7)).toBe('Showing 3 of 7');
    expect(emptyFilterText(7)).toBe('No extension matches the filters (7 rows in all).');
    expect(emptyFilterText(1)).toBe('No extension matches the filters (1 row in all).');
  });
});

describe('the filter menus with counts', () => {
  const rows = [
    done('a', 'ready'),
    done('b', 'ready'),
    { ...done('c', 'missing-platforms'), result: { ...result('c', 'missing-platforms'), platforms: ['linux/amd64'] } },
  ];

  it('count what each verdict would show with the platform filter in force, and grey out those that show none', () => {
    const menu = withCounts(VERDICT_MENU, verdictCount(rows, DEFAULT_VIEW), 'all');
    const option = (value: string) => menu.entries.find((entry) => entry.kind === 'option' && entry.value === value);
    expect(option('all')).toMatchObject({ count: 3, disabled: false });
    expect(option('ready')).toMatchObject({ count: 2, disabled: false });
    expect(option('attention')).toMatchObject({ count: 1, disabled: false });
    expect(option('incompatible')).toMatchObject({ count: 0, disabled: true });
    expect(menu.entries.filter((entry) => entry.kind === 'option')).toHaveLength(VERDICTS.length + 2);
    // The entry in force stays enabled even when it shows nothing.
    const current = withCounts(VERDICT_MENU, verdictCount(rows, DEFAULT_VIEW), 'incompatible');
    expect(current.entries.find((e) => e.kind === 'option' && e.value === 'incompatible')).toMatchObject({
      disabled: false,
    });
    // With a platform filter: only the rows it keeps are counted.
    const lacking = verdictCount(rows, { platform: 'lacks:linux/arm64' });
    expect([lacking('all'), lacking('ready'), lacking('missing-platforms')]).toEqual([1, 0, 1]);
  });

  it('count what each platform entry would show with the verdict filter in force', () => {
    const menu = withCounts(platformMenu(['linux/amd64', 'linux/arm64']), platformCount(rows, DEFAULT_VIEW), 'any');
    const counts = menu.entries.flatMap((entry) => (entry.kind === 'option' ? [[entry.value, entry.count]] : []));
    expect(counts).toEqual([
      ['any', 3],
      ['has:linux/amd64', 3],
      ['has:linux/arm64', 2],
      ['lacks:linux/amd64', 0],
      ['lacks:linux/arm64', 1],
    ]);
    expect(platformCount(rows, { verdict: 'ready' })('lacks:linux/arm64')).toBe(0);
  });
});
