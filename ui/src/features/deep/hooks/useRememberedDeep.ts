import { useCallback, useRef } from 'react';
import { REMEMBERED_DEEP_KEY, parseRememberedDeep, serialiseRememberedDeep } from '../model/rememberedDeep';
import type { RememberedDeepEntry } from '../model/rememberedDeep';
import type { DeepFindings } from '../model/deepFindings';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Deep results of earlier visits by digest key (read once), and a way to add one (saved at once). */
export function useRememberedDeep(): { recall(key: string): RememberedDeepEntry | undefined; remember(key: string, findings: DeepFindings): void } {
  const entries = useRef<Map<string, RememberedDeepEntry> | undefined>(undefined);
  const load = useCallback((): Map<string, RememberedDeepEntry> => {
    if (entries.current === undefined) {
      try {
        entries.current = parseRememberedDeep(storage()?.getItem(REMEMBERED_DEEP_KEY) ?? null);
      } catch {
        entries.current = new Map();
      }
    }
    return entries.current;
  }, []);
  const recall = useCallback((key: string) => load().get(key), [load]);
  const remember = useCallback(
    (key: string, findings: DeepFindings) => {
      const map = load();
      map.set(key, { savedAt: new Date().toISOString(), findings });
      try {
        storage()?.setItem(REMEMBERED_DEEP_KEY, serialiseRememberedDeep(map));
      } catch {
        // Full or forbidden storage only costs the next visit a new check.
      }
    },
    [load],
  );
  return { recall, remember };
}
