import { summarise } from '@core/index.js';
import type { InspectResult, Platform } from '@core/index.js';
import type { MatrixState } from './matrixState';

export interface RunOverview {
  readonly running: boolean;
  readonly progress: { readonly done: number; readonly total: number };
  readonly summary: string;
  readonly note?: string;
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The summary line, the progress count and a note on remembered results, from the state. */
export function runOverview(state: MatrixState, host: Platform | undefined): RunOverview {
  const running = state.phase === 'listing' || state.phase === 'inspecting' || state.rows.some((row) => row.status !== 'done');
  const done = state.rows.filter((row) => row.status === 'done').length;
  const results = state.rows.map((row) => row.result).filter((result): result is InspectResult => result !== undefined);
  const summary =
    results.length > 0
      ? summarise(results, host)
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
    note,
  };
}
