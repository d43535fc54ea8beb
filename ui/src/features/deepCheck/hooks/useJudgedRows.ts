import { useMemo } from 'react';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import { judgedRows } from '../model/judgedRows';
import type { DeepCheckController } from './useDeepCheck';

/** The rows with their deep results folded in (model/judgedRows): what the filter, counts and exports read. */
export function useJudgedRows(
  rows: readonly MatrixRow[],
  deep: Pick<DeepCheckController, 'states'>,
): readonly MatrixRow[] {
  const { states } = deep;
  return useMemo(() => judgedRows(rows, (row) => states.get(rowKey(row))), [rows, states]);
}
