import { compareRowNames, compareRows, rowOrderKey, needsAttention } from '@core/index.js';
import type { PlatformKey, RowOrderKey, Verdict } from '@core/index.js';
import { cellState } from './cells';
import { rowVerdict } from './rows';
import type { MatrixRow } from '../../../shared/matrixRow';

/** Filter by verdict: every row, the rows needing attention, or one verdict. */
export type VerdictFilter = 'all' | 'attention' | Verdict;
/** Filter by platform: rows that have it or lack it. */
export type PlatformFilter = 'any' | `has:${PlatformKey}` | `lacks:${PlatformKey}`;
export type SortKey = 'name' | 'verdict' | `platform:${PlatformKey}`;
export type SortDirection = 'asc' | 'desc';
/** Platform columns: only the required ones (the optional ones folded away), or all. */
export type ColumnSet = 'required' | 'all';

export interface ViewOptions {
  readonly verdict: VerdictFilter;
  readonly platform: PlatformFilter;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  readonly columns: ColumnSet;
}

export const DEFAULT_VIEW: ViewOptions = {
  verdict: 'all',
  platform: 'any',
  sort: 'verdict',
  direction: 'asc',
  columns: 'required',
};

const CELL_RANK = { no: 0, unknown: 1, pending: 2, yes: 3 } as const;

/** Whether the view's filters keep the row (its verdict as shown, its platform cells). */
export function keepRow(row: MatrixRow, view: Pick<ViewOptions, 'verdict' | 'platform'>): boolean {
  const verdict = rowVerdict(row);
  if (view.verdict === 'attention' && (verdict === 'pending' || !needsAttention(verdict))) return false;
  if (view.verdict !== 'all' && view.verdict !== 'attention' && verdict !== view.verdict) return false;
  if (view.platform === 'any') return true;
  const [want, ...rest] = view.platform.split(':');
  const state = cellState(row, rest.join(':'));
  return want === 'has' ? state === 'yes' : state === 'no';
}

interface Keyed {
  readonly row: MatrixRow;
  readonly key: RowOrderKey;
}

// By verdict and by name: the core's order (the CLI sorts its table the same way).
function compare(a: Keyed, b: Keyed, sort: SortKey): number {
  if (sort === 'name') return compareRowNames(a.key, b.key);
  if (sort === 'verdict') return compareRows(a.key, b.key);
  const column = sort.slice('platform:'.length);
  return CELL_RANK[cellState(a.row, column)] - CELL_RANK[cellState(b.row, column)] || compareRowNames(a.key, b.key);
}

/** The rows to show, filtered and sorted; the sort is stable and never moves typed rows above installed ones. */
export function viewRows(rows: readonly MatrixRow[], view: ViewOptions): MatrixRow[] {
  const sign = view.direction === 'asc' ? 1 : -1;
  return rows
    .filter((row) => keepRow(row, view))
    .map((row): Keyed => ({ row, key: rowOrderKey(rowVerdict(row), row.reference, row.local?.labels) }))
    .sort((a, b) =>
      a.row.origin === b.row.origin ? sign * compare(a, b, view.sort) : a.row.origin === 'installed' ? -1 : 1,
    )
    .map((keyed) => keyed.row);
}

/** A click on a sort header: a new column sorts ascending; the active one flips direction. */
export function toggleSort(view: ViewOptions, sort: SortKey): ViewOptions {
  const direction = view.sort === sort && view.direction === 'asc' ? 'desc' : 'asc';
  return { ...view, sort, direction };
}

/** Whether a filter hides some rows (the empty table then says so instead of the summary). */
export function isFiltered(view: ViewOptions): boolean {
  return view.verdict !== 'all' || view.platform !== 'any';
}
