import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Dispatch } from 'react';
import type { InspectResult } from '../../../../../src/core/index.js';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { initialMatrixState, matrixReducer } from '../model/matrixState';
import type { MatrixAction, MatrixState } from '../model/matrixState';
import { useInspections } from './useInspections';
import { useInstalledExtensions } from './useInstalledExtensions';
import type { BuildxState } from './useInstalledExtensions';
import { useRememberedResults } from './useRememberedResults';

/** Failures worth a toast: they may go away on refresh (unlike not-found or unauthorized, which are verdicts). */
const TRANSIENT: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'rate-limited', 'error']);

function transientSummary(results: readonly InspectResult[]): string | undefined {
  const failed = results.filter((result) => result.failure !== undefined && result.source !== 'local-store' && TRANSIENT.has(result.failure.kind));
  if (failed.length === 0) return undefined;
  const names = failed.slice(0, 3).map((result) => result.reference).join(', ');
  const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
  return `${failed.length} of ${results.length} images could not be inspected (${names}${more}). Refresh to try again.`;
}

export interface MatrixController {
  readonly state: MatrixState;
  readonly buildx: BuildxState | undefined;
  readonly dispatch: Dispatch<MatrixAction>;
  refresh(): void;
  cancel(): void;
}

/**
 * The installed extensions' matrix: remembered rows at once, then list, then inspect each image,
 * filling rows in as results arrive. Leaving the tab (unmount, pagehide) cancels running commands.
 */
export function useMatrix(): MatrixController {
  const { initial, remember } = useRememberedResults();
  const { toast } = useNotifier();
  const [state, dispatch] = useReducer(matrixReducer, initial, initialMatrixState);
  const [runId, setRunId] = useState(0);
  const [buildx, setBuildx] = useState<BuildxState | undefined>(undefined);
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const listSeeds = useInstalledExtensions();
  const inspectSeeds = useInspections();

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    const { signal } = controller;
    // A run replaced by a newer one (refresh, StrictMode's second effect) must not touch the state.
    const current = (): boolean => controllerRef.current === controller;
    void (async () => {
      dispatch({ type: 'run-started' });
      const listing = await listSeeds(signal);
      if (!current()) return;
      if (listing.kind === 'cancelled') {
        dispatch({ type: 'run-ended', phase: 'cancelled' });
        return;
      }
      setBuildx(listing.buildx);
      if (listing.kind === 'failed') {
        dispatch({ type: 'listing-failed' });
        return;
      }
      dispatch({ type: 'listed', seeds: listing.seeds });
      const results = await inspectSeeds(listing.seeds, {
        signal,
        buildx: listing.buildx,
        onResult: (seed, result) => {
          if (current()) dispatch({ type: 'result', reference: seed.reference, origin: seed.origin, result });
        },
      });
      if (!current()) return;
      dispatch({ type: 'run-ended', phase: signal.aborted ? 'cancelled' : 'done' });
      const message = signal.aborted ? undefined : transientSummary(results);
      if (message !== undefined) toast('warning', message);
    })();
    return () => controller.abort();
  }, [runId, listSeeds, inspectSeeds, toast]);

  useEffect(() => {
    if (state.phase === 'done') remember(state.rows);
  }, [state.phase, state.rows, remember]);

  useEffect(() => {
    const leave = (): void => controllerRef.current?.abort();
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, []);

  const refresh = useCallback(() => setRunId((n) => n + 1), []);
  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  return { state, buildx, dispatch, refresh, cancel };
}
