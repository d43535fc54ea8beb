import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowState } from '../model/deepRow';
import type { DeepCheckController } from './useDeepCheck';

const DeepCheckContext = createContext<DeepCheckController | undefined>(undefined);

export function DeepCheckProvider({
  value,
  children,
}: {
  readonly value: DeepCheckController;
  readonly children: ReactNode;
}): ReactNode {
  return <DeepCheckContext.Provider value={value}>{children}</DeepCheckContext.Provider>;
}

export interface DeepRowHandle {
  readonly state: DeepRowState | undefined;
  stop(): void;
  retry(): void;
  readOthers(): void;
  readFromRegistry(): void;
}

/** One row's deep state and actions; undefined outside a DeepCheckProvider (no deep check there). */
export function useDeepRow(row: Pick<MatrixRow, 'origin' | 'reference'>): DeepRowHandle | undefined {
  const controller = useContext(DeepCheckContext);
  if (controller === undefined) return undefined;
  const key = rowKey(row);
  return {
    state: controller.states.get(key),
    stop: () => controller.stop(key),
    retry: () => controller.retry(key),
    readOthers: () => controller.readOthers(key),
    readFromRegistry: () => controller.readFromRegistry(key),
  };
}
