/**
 * The order the rows are shown in, kept still while checks run. A verdict landing (platform or deep)
 * never moves a row: the rows are sorted when a group of rows first appears, when the user picks
 * another sort, and the installed rows once more when every one of them has its platform result (the
 * full list's first paint, before the deep checks end). Installed rows that appear in between take
 * their sorted place among the others; a typed row goes to the top of the typed rows. Pure.
 */
import { rowKey, type MatrixRow, type RowOrigin } from '../../../shared/matrixRow';
import { DEFAULT_VIEW, keepRow, viewRows } from './view';
import type { ViewOptions } from './view';

interface GroupOrder {
  /** Row keys in the order shown. */
  readonly keys: readonly string[];
  /** Whether every row of the group had its platform result when the order was last looked at. */
  readonly complete: boolean;
}

export interface FrozenOrder {
  /** The sort it was made with ("verdict asc", ...). */
  readonly sort: string;
  readonly installed: GroupOrder;
  readonly typed: GroupOrder;
}

const sortOf = (view: Pick<ViewOptions, 'sort' | 'direction'>): string => `${view.sort} ${view.direction}`;

/** Every row of the group has its platform result (none pending or refreshing). */
const completeGroup = (rows: readonly MatrixRow[]): boolean => rows.every((row) => row.status === 'done');

/**
 * Keeps the previous order of the rows still there and puts the new ones in: typed rows first,
 * installed rows after the row that precedes them in the sorted order.
 */
function merge(previous: readonly string[], sorted: readonly string[], origin: RowOrigin): string[] {
  const present = new Set(sorted);
  const kept = previous.filter((key) => present.has(key));
  const known = new Set(kept);
  const added = sorted.filter((key) => !known.has(key));
  if (added.length === 0) return kept;
  if (origin === 'typed') return [...added, ...kept];
  const order = [...kept];
  for (const key of added) {
    const before = sorted.slice(0, sorted.indexOf(key)).filter((other) => order.includes(other));
    const anchor = before[before.length - 1];
    order.splice(anchor === undefined ? 0 : order.indexOf(anchor) + 1, 0, key);
  }
  return order;
}

function nextGroup(
  previous: GroupOrder | undefined,
  rows: readonly MatrixRow[],
  sorted: readonly string[],
  resort: boolean,
  origin: RowOrigin,
): GroupOrder {
  const complete = completeGroup(rows);
  const first = previous === undefined || previous.keys.length === 0;
  // Installed rows are sorted again once, when the last platform result lands; typed rows stay newest first.
  const justComplete = origin === 'installed' && previous !== undefined && !previous.complete && complete;
  if (resort || first || justComplete) return { keys: sorted, complete };
  return { keys: merge(previous.keys, sorted, origin), complete };
}

/** The order to show `rows` in, from the order shown before (undefined at first). */
export function nextOrder(
  previous: FrozenOrder | undefined,
  rows: readonly MatrixRow[],
  view: Pick<ViewOptions, 'sort' | 'direction'>,
): FrozenOrder {
  const sort = sortOf(view);
  const resort = previous?.sort !== sort;
  // Every row sorted (the filters apply after ordering: a filter never re-sorts).
  const sorted = viewRows(rows, { ...DEFAULT_VIEW, sort: view.sort, direction: view.direction });
  const group = (origin: RowOrigin): { rows: MatrixRow[]; keys: string[] } => {
    const of = sorted.filter((row) => row.origin === origin);
    return { rows: of, keys: of.map(rowKey) };
  };
  const installed = group('installed');
  const typed = group('typed');
  return {
    sort,
    installed: nextGroup(previous?.installed, installed.rows, installed.keys, resort, 'installed'),
    typed: nextGroup(previous?.typed, typed.rows, typed.keys, resort, 'typed'),
  };
}

/** The rows to show, in the frozen order, kept by the filters: the installed ones, then the typed ones. */
export function orderedRows(
  order: FrozenOrder,
  rows: readonly MatrixRow[],
  view: Pick<ViewOptions, 'verdict' | 'platform'>,
): MatrixRow[] {
  const byKey = new Map(rows.map((row) => [rowKey(row), row]));
  return [...order.installed.keys, ...order.typed.keys]
    .map((key) => byKey.get(key))
    .filter((row): row is MatrixRow => row !== undefined && keepRow(row, view));
}

const sameGroup = (a: GroupOrder, b: GroupOrder): boolean =>
  a.complete === b.complete && a.keys.length === b.keys.length && a.keys.every((key, i) => key === b.keys[i]);

/** Whether two orders are the same (the hook keeps the one it has when nothing changed). */
export function sameOrder(a: FrozenOrder | undefined, b: FrozenOrder | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.sort === b.sort && sameGroup(a.installed, b.installed) && sameGroup(a.typed, b.typed);
}
