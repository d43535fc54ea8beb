import { useMemo } from 'react';
import { useThisMachine } from '../../../shared/docker/DockerContext';
import type { MatrixRow } from '../../../shared/matrixRow';
import { useDeepRow } from '../../deepCheck/hooks/DeepCheckContext';
import { rowAnswer, type RowAnswer } from '../model/thisMachine';

/** The row's answer for this machine (model/thisMachine), with its deep check's state and this machine. */
export function useRowAnswer(row: MatrixRow): RowAnswer {
  const machine = useThisMachine();
  const state = useDeepRow(row)?.state;
  return useMemo(() => rowAnswer(row, state, machine), [row, state, machine]);
}
