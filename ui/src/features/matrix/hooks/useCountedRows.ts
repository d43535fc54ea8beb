import { useMemo, useState } from 'react';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowState } from '../../deepCheck/model/deepRow';
import { countedRows } from '../model/settled';
import type { CountedRows } from '../model/settled';

const sameMemory = (a: ReadonlyMap<string, MatrixRow>, b: ReadonlyMap<string, MatrixRow>): boolean =>
  a.size === b.size && [...a].every(([key, row]) => b.get(key) === row);

/**
 * The rows the summary counts (model/settled), with each row's last settled form kept between
 * renders: state derived from the state before, stored during the render when it changed.
 */
export function useCountedRows(rows: readonly MatrixRow[], states: ReadonlyMap<string, DeepRowState>): CountedRows {
  const [memory, setMemory] = useState<ReadonlyMap<string, MatrixRow>>(() => new Map());
  const counted = useMemo(() => countedRows(rows, (row) => states.get(rowKey(row)), memory), [rows, states, memory]);
  if (!sameMemory(counted.memory, memory)) setMemory(counted.memory);
  return counted;
}
