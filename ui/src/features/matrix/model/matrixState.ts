import type { InspectResult } from '@core/index.js';
import { pendingRow, withResult } from './rows';
import type { MatrixRow, RowSeed } from '../../../shared/matrixRow';

/** Where the run of the installed extensions is. */
export type RunPhase = 'idle' | 'listing' | 'inspecting' | 'done' | 'cancelled' | 'failed';

export interface MatrixState {
  readonly phase: RunPhase;
  readonly rows: readonly MatrixRow[];
  /** When the rows shown were remembered from an earlier visit (ISO time), until refreshed. */
  readonly rememberedAt?: string;
}

export type MatrixAction =
  | { readonly type: 'run-started' }
  | { readonly type: 'listed'; readonly seeds: readonly RowSeed[] }
  | { readonly type: 'listing-failed' }
  | {
      readonly type: 'result';
      readonly reference: string;
      readonly origin: RowSeed['origin'];
      readonly result: InspectResult;
    }
  | { readonly type: 'run-ended'; readonly phase: 'done' | 'cancelled' }
  | { readonly type: 'typed-added'; readonly seed: RowSeed }
  | { readonly type: 'typed-removed'; readonly reference: string };

export function initialMatrixState(remembered?: {
  readonly rows: readonly MatrixRow[];
  readonly savedAt: string;
}): MatrixState {
  return remembered === undefined
    ? { phase: 'idle', rows: [] }
    : { phase: 'idle', rows: remembered.rows, rememberedAt: remembered.savedAt };
}

const sameRow = (row: MatrixRow, reference: string, origin: RowSeed['origin']): boolean =>
  row.reference === reference && row.origin === origin;

export function matrixReducer(state: MatrixState, action: MatrixAction): MatrixState {
  switch (action.type) {
    case 'run-started':
      return { ...state, phase: 'listing' };
    case 'listed': {
      // Rows appear at once: new ones pending, known ones keep their last result while refreshing.
      const installed = action.seeds.map((seed) =>
        pendingRow(
          seed,
          state.rows.find((row) => sameRow(row, seed.reference, 'installed')),
        ),
      );
      const typed = state.rows.filter((row) => row.origin === 'typed');
      return { ...state, phase: 'inspecting', rows: [...installed, ...typed] };
    }
    case 'listing-failed':
      return {
        ...state,
        phase: 'failed',
        rows: state.rows.map((row) => (row.status === 'refreshing' ? { ...row, status: 'done' } : row)),
      };
    case 'result':
      return {
        ...state,
        rows: state.rows.map((row) =>
          sameRow(row, action.reference, action.origin) ? withResult(row, action.result) : row,
        ),
      };
    case 'run-ended': {
      // Nothing may stay pending: a row the run never reached keeps its old result or shows none.
      const rows = state.rows.map((row) =>
        row.origin === 'installed' && row.status === 'refreshing' ? { ...row, status: 'done' as const } : row,
      );
      // A finished run replaces remembered results; a stopped one still shows some of them.
      return {
        ...state,
        phase: action.phase,
        rows,
        rememberedAt: action.phase === 'done' ? undefined : state.rememberedAt,
      };
    }
    case 'typed-added': {
      const others = state.rows.filter((row) => !sameRow(row, action.seed.reference, 'typed'));
      return { ...state, rows: [...others, pendingRow(action.seed)] };
    }
    case 'typed-removed':
      return { ...state, rows: state.rows.filter((row) => !sameRow(row, action.reference, 'typed')) };
  }
}
