import { useCallback, useMemo } from 'react';
import { REMEMBERED_KEY, parseRemembered, serialiseRemembered } from '../model/remembered';
import type { RememberedRows } from '../model/remembered';
import type { MatrixRow } from '../model/rows';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Results of the last visit, shown at once while they are refreshed; saved when a run ends. */
export function useRememberedResults(): { readonly initial: RememberedRows | undefined; remember(rows: readonly MatrixRow[]): void } {
  const initial = useMemo(() => {
    try {
      return parseRemembered(storage()?.getItem(REMEMBERED_KEY) ?? null);
    } catch {
      return undefined;
    }
  }, []);
  const remember = useCallback((rows: readonly MatrixRow[]) => {
    try {
      storage()?.setItem(REMEMBERED_KEY, serialiseRemembered(rows, new Date().toISOString()));
    } catch {
      // Full or forbidden storage only costs the next visit its head start.
    }
  }, []);
  return { initial, remember };
}
