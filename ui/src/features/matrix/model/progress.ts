import { summariseMatrix } from '@core/index.js';
import type { MatrixSummary, Platform } from '@core/index.js';
import type { MatrixState } from './matrixState';
import type { MatrixRow } from '../../../shared/matrixRow';

export interface RunOverview {
  /** The platform checks of the installed run or of a typed image are running (Stop instead of Refresh). */
  readonly running: boolean;
  /** Some row is not settled yet (platform or deep check still running): the progress bar shows. */
  readonly checking: boolean;
  /** Settled rows of all rows. */
  readonly progress: { readonly done: number; readonly total: number };
  /** The one line: "N of M ready; ..." over the rows counted, or what the run is doing. */
  readonly summary: string;
  /** The counts behind it (installed and typed apart, one per verdict: each one a filter to link to). */
  readonly counts: MatrixSummary;
  readonly note?: string;
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * The summary line, the progress count and a note on remembered results, from the state.
 * `counted` are the rows the summary counts (model/settled: every row, each as it last settled);
 * `settled` how many of the state's rows are settled now. Both default to the state's rows, all settled.
 */
export function runOverview(
  state: MatrixState,
  host: Platform | undefined,
  counted: readonly MatrixRow[] = state.rows,
  settled: number = state.rows.filter((row) => row.status === 'done').length,
): RunOverview {
  const running =
    state.phase === 'listing' || state.phase === 'inspecting' || state.rows.some((row) => row.status !== 'done');
  const counts = summariseMatrix(counted, host);
  const anyResult = counted.some((row) => row.result !== undefined);
  const summary = anyResult
    ? counts.text
    : state.phase === 'listing' || state.phase === 'idle'
      ? 'Looking for installed extensions…'
      : state.phase === 'failed'
        ? 'No results: the installed extensions could not be listed.'
        : state.rows.length === 0
          ? 'No extension images found in the local image store.'
          : 'Inspecting…';
  const note =
    state.rememberedAt === undefined
      ? state.phase === 'cancelled'
        ? 'Stopped: some rows show earlier or incomplete results.'
        : undefined
      : `Showing results from ${timeOf(state.rememberedAt)}${running ? ', refreshing…' : '.'}`;
  const total = state.phase === 'listing' ? 0 : state.rows.length;
  return {
    running,
    checking: running || settled < state.rows.length,
    progress: { done: Math.min(settled, total), total },
    summary,
    counts,
    note,
  };
}
