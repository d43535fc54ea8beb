import { verdictRank, verdictSeverity } from '@core/index.js';
import type { PlatformKey, Verdict } from '@core/index.js';
import { cellState } from './cells';
import { rowDisplay } from './display';
import { rowVerdict } from './rows';
import type { MatrixRow } from './rows';

/** Filter by verdict: every row, the rows needing attention, or one verdict. */
export type VerdictFilter = 'all' | 'attention' | Verdict;
/** Filter by platform: rows that have it or lack it. */
export type PlatformFilter = 'any' | `has:${PlatformKey}` | `lacks:${PlatformKey}`;
export type SortKey = 'name' | 'verdict' | `platform:${PlatformKey}`;
export type SortDirection = 'asc' | 'desc';

export interface ViewOptions {
  readonly verdict: VerdictFilter;
  readonly platform: PlatformFilter;
  readonly sort: SortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_VIEW: ViewOptions = { verdict: 'all', platform: 'any', sort: 'verdict', direction: 'asc' };

const CELL_RANK = { no: 0, unknown: 1, pending: 2, yes: 3 } as const;

function rowRank(row: MatrixRow): number {
  const verdict = rowVerdict(row);
  // Pending rows go after every verdict (the table's ranks are below 1000).
  return verdict === 'pending' ? 1000 : verdictRank(verdict);
}

function keep(row: MatrixRow, view: ViewOptions): boolean {
  const verdict = rowVerdict(row);
  if (view.verdict === 'attention' && (verdict === 'pending' || verdictSeverity(verdict) === 'ok')) return false;
  if (view.verdict !== 'all' && view.verdict !== 'attention' && verdict !== view.verdict) return false;
  if (view.platform === 'any') return true;
  const [want, ...rest] = view.platform.split(':');
  const state = cellState(row, rest.join(':'));
  return want === 'has' ? state === 'yes' : state === 'no';
}

function compare(a: MatrixRow, b: MatrixRow, sort: SortKey): number {
  const byName = rowDisplay(a).title.localeCompare(rowDisplay(b).title) || a.reference.localeCompare(b.reference);
  if (sort === 'name') return byName;
  if (sort === 'verdict') return rowRank(a) - rowRank(b) || byName;
  const key = sort.slice('platform:'.length);
  return CELL_RANK[cellState(a, key)] - CELL_RANK[cellState(b, key)] || byName;
}

/** The rows to show, filtered and sorted; the sort is stable and never moves typed rows above installed ones. */
export function viewRows(rows: readonly MatrixRow[], view: ViewOptions): MatrixRow[] {
  const sign = view.direction === 'asc' ? 1 : -1;
  return rows
    .filter((row) => keep(row, view))
    .sort((a, b) => (a.origin === b.origin ? sign * compare(a, b, view.sort) : a.origin === 'installed' ? -1 : 1));
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
