import type { InspectResult } from '@core/index.js';
import type { MatrixRow, RowSeed } from '../../../shared/matrixRow';

export function pendingRow(seed: RowSeed, previous?: MatrixRow): MatrixRow {
  const result = previous?.result;
  return result === undefined ? { ...seed, status: 'pending' } : { ...seed, status: 'refreshing', result };
}

/** A cancelled inspection does not replace a result we already had. */
export function withResult(row: MatrixRow, result: InspectResult): MatrixRow {
  if (result.failure?.kind === 'cancelled' && row.result !== undefined) return { ...row, status: 'done' };
  return { ...row, status: 'done', result };
}

/** The verdict shown for a row: the core verdict, or "pending" while nothing is known. */
export function rowVerdict(row: MatrixRow): InspectResult['verdict'] | 'pending' {
  return row.result?.verdict ?? 'pending';
}
