/** The frozen row order of ui/src/features/matrix/model/rowOrder: rows hold their place while checks run. */
import { describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import { nextOrder, orderedRows, sameOrder } from '@ui/features/matrix/model/rowOrder';
import type { FrozenOrder } from '@ui/features/matrix/model/rowOrder';
import { DEFAULT_VIEW } from '@ui/features/matrix/model/view';
import type { ViewOptions } from '@ui/features/matrix/model/view';
import type { MatrixRow } from '@ui/shared/matrixRow';
import { result } from '../../support/matrixRows.js';

const pending = (reference: string, origin: MatrixRow['origin'] = 'installed'): MatrixRow => ({
  reference,
  origin,
  isSelf: false,
  status: 'pending',
});
const done = (reference: string, verdict: InspectResult['verdict'], origin: MatrixRow['origin'] = 'installed') => ({
  ...pending(reference, origin),
  status: 'done' as const,
  result: result(reference, verdict),
});

/** Feeds each list of rows in turn, as renders would, and returns the references shown after each. */
function play(steps: readonly (readonly MatrixRow[])[], view: ViewOptions = DEFAULT_VIEW): string[][] {
  let order: FrozenOrder | undefined;
  return steps.map((rows) => {
    order = nextOrder(order, rows, view);
    return orderedRows(order, rows, view).map((row) => row.reference);
  });
}

describe('the frozen row order', () => {
  it('keeps rows in place while platform verdicts land, sorts by verdict once all are in, and never again for a deep verdict', () => {
    const listed = [pending('a'), pending('b'), pending('c')];
    const shown = play([
      listed,
      [done('a', 'ready'), pending('b'), pending('c')],
      [done('a', 'ready'), done('b', 'ready'), pending('c')],
      // The last platform result: the full list's first paint, sorted worst first.
      [done('a', 'ready'), done('b', 'ready'), done('c', 'incompatible')],
      // A deep check turns a ready row red later: it stays where it is.
      [done('a', 'ready'), done('b', 'wrong-host-binary'), done('c', 'incompatible')],
    ]);
    expect(shown).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['c', 'a', 'b'],
      ['c', 'a', 'b'],
    ]);
  });

  it('sorts again when the user picks another sort, and once more when a refresh has all its results', () => {
    let order = nextOrder(undefined, [done('b', 'ready'), done('a', 'incompatible')], DEFAULT_VIEW);
    expect(order.installed.keys).toEqual(['installed:a', 'installed:b']);
    const byName: ViewOptions = { ...DEFAULT_VIEW, sort: 'name', direction: 'desc' };
    order = nextOrder(order, [done('b', 'ready'), done('a', 'incompatible')], byName);
    expect(order.installed.keys).toEqual(['installed:b', 'installed:a']);
    order = nextOrder(order, [done('b', 'ready'), done('a', 'incompatible')], DEFAULT_VIEW);
    // Refresh: the rows are checked again (refreshing), the verdicts change, the order holds until all are in.
    const refreshing = (row: MatrixRow): MatrixRow => ({ ...row, status: 'refreshing' });
    order = nextOrder(order, [refreshing(done('b', 'ready')), refreshing(done('a', 'incompatible'))], DEFAULT_VIEW);
    order = nextOrder(order, [done('b', 'incompatible'), refreshing(done('a', 'incompatible'))], DEFAULT_VIEW);
    expect(order.installed.keys).toEqual(['installed:a', 'installed:b']);
    order = nextOrder(order, [done('b', 'incompatible'), done('a', 'ready')], DEFAULT_VIEW);
    expect(order.installed.keys).toEqual(['installed:b', 'installed:a']);
  });

  it('puts an installed row that appears later at its sorted place, and a new typed row first among the typed ones', () => {
    let order = nextOrder(undefined, [done('a', 'incompatible'), done('c', 'ready')], DEFAULT_VIEW);
    const rows = [done('a', 'incompatible'), done('c', 'ready'), done('b', 'ready'), done('t1', 'error', 'typed')];
    order = nextOrder(order, rows, DEFAULT_VIEW);
    expect(order.installed.keys).toEqual(['installed:a', 'installed:b', 'installed:c']);
    order = nextOrder(order, [...rows, pending('t2', 'typed')], DEFAULT_VIEW);
    // The typed rows are not sorted again when their results are in: the newest stays on top.
    order = nextOrder(order, [...rows, done('t2', 'ready', 'typed')], DEFAULT_VIEW);
    expect(order.typed.keys).toEqual(['typed:t2', 'typed:t1']);
    // Shown: installed rows, then typed rows (the table puts the typed ones first on screen).
    expect(orderedRows(order, [...rows, done('t2', 'ready', 'typed')], DEFAULT_VIEW).map((r) => r.reference)).toEqual([
      'a',
      'b',
      'c',
      't2',
      't1',
    ]);
  });

  it('a filter keeps the order it finds (it never sorts), and a row that goes away leaves the order', () => {
    const rows = [done('a', 'ready'), done('b', 'incompatible'), done('c', 'ready')];
    let order = nextOrder(undefined, [pending('a'), pending('b'), pending('c')], DEFAULT_VIEW);
    order = nextOrder(order, [done('a', 'ready'), pending('b'), done('c', 'ready')], DEFAULT_VIEW);
    const ready = { ...DEFAULT_VIEW, verdict: 'ready' as const };
    expect(
      orderedRows(order, [done('a', 'ready'), pending('b'), done('c', 'ready')], ready).map((r) => r.reference),
    ).toEqual(['a', 'c']);
    order = nextOrder(order, rows, DEFAULT_VIEW);
    const without = nextOrder(order, [done('a', 'ready'), done('c', 'ready')], DEFAULT_VIEW);
    expect(without.installed.keys).toEqual(['installed:a', 'installed:c']);
  });

  it('is the same order when nothing changed (the hook then keeps the one it has)', () => {
    const rows = [done('a', 'ready'), pending('b')];
    const first = nextOrder(undefined, rows, DEFAULT_VIEW);
    expect(sameOrder(first, nextOrder(first, rows, DEFAULT_VIEW))).toBe(true);
    expect(sameOrder(first, nextOrder(first, [...rows, pending('c')], DEFAULT_VIEW))).toBe(false);
    expect(sameOrder(undefined, first)).toBe(false);
  });
});
