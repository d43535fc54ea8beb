import { useCallback, useRef } from 'react';
import { readStored, writeStored } from '../../../shared/browserStorage';
import { REMEMBERED_DEEP_KEY, parseRememberedDeep, serialiseRememberedDeep } from '../model/rememberedDeep';
import type { RememberedDeepEntry } from '../model/rememberedDeep';
import type { DeepFindings } from '../model/deepFindings';

/** Deep results of earlier visits by digest key (read once), and a way to add one (saved at once). */
export function useRememberedDeep(): {
  recall(key: string): RememberedDeepEntry | undefined;
  remember(key: string, findings: DeepFindings): void;
} {
  const entries = useRef<Map<string, RememberedDeepEntry> | undefined>(undefined);
  const load = useCallback((): Map<string, RememberedDeepEntry> => {
    // parseRememberedDeep never throws; readStored gives null when storage is missing or forbidden.
    entries.current ??= parseRememberedDeep(readStored(REMEMBERED_DEEP_KEY));
    return entries.current;
  }, []);
  const recall = useCallback((key: string) => load().get(key), [load]);
  const remember = useCallback(
    (key: string, findings: DeepFindings) => {
      const map = load();
      map.set(key, { savedAt: new Date().toISOString(), findings });
      writeStored(REMEMBERED_DEEP_KEY, serialiseRememberedDeep(map));
    },
    [load],
  );
  return { recall, remember };
}
