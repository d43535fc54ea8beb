import { useCallback, useMemo } from 'react';
import { readStored, writeStored } from '../../../shared/browserStorage';
import { REMEMBERED_KEY, parseRemembered, serialiseRemembered } from '../model/remembered';
import type { RememberedRows } from '../model/remembered';
import type { MatrixRow } from '../../../shared/matrixRow';

/** Results of the last visit, shown at once while they are refreshed; saved when a run ends. */
export function useRememberedResults(): {
  readonly initial: RememberedRows | undefined;
  remember(rows: readonly MatrixRow[]): void;
} {
  const initial = useMemo(() => {
    try {
      return parseRemembered(readStored(REMEMBERED_KEY));
    } catch {
      return undefined;
    }
  }, []);
  const remember = useCallback((rows: readonly MatrixRow[]) => {
    writeStored(REMEMBERED_KEY, serialiseRemembered(rows, new Date().toISOString()));
  }, []);
  return { initial, remember };
}
