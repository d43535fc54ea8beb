import { summariseMatrix } from '@core/index.js';
import type { MatrixSummary, Platform } from '@core/index.js';
import type { MatrixState } from './matrixState';
import type { MatrixRow } from '../../../shared/matrixRow';

export interface RunOverview {
  readonly running: boolean;
  readonly progress: { readonly done: number; readonly total: number };
  /** The one line: "N of M ready; ..." over the rows shown, or what the run is doing. */
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
 * `shown` are the rows the active filter keeps (the summary follows the filter); all rows by default.
 */
export function runOverview(
  state: MatrixState,
  host: Platform | undefined,
  shown: readonly MatrixRow[] = state.rows,
): RunOverview {
  const running =
    state.phase === 'listing' || state.phase === 'inspecting' || state.rows.some((row) => row.status !== 'done');
  const done = state.rows.filter((row) => row.status === 'done').length;
  const counts = summariseMatrix(shown, host);
  const anyResult = state.rows.some((row) => row.result !== undefined);
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
  return {
    running,
    progress: { done, total: state.phase === 'listing' ? 0 : state.rows.length },
    summary,
    counts,
    note,
  };
}
