import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { readStored, writeStored } from '../../../shared/browserStorage';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { transientSummary } from '../model/failureToasts';
import { initialMatrixState, matrixReducer } from '../model/matrixState';
import type { MatrixState } from '../model/matrixState';
import { TYPED_KEY, parseSavedTyped } from '../model/savedView';
import { installedRowOf, validateTyped } from '../model/typed';
import { rowKey } from '../../../shared/matrixRow';
import { useInspectReference } from './useInspectReference';
import type { TypedRowEvents } from './useInspectReference';
import { useInspections } from './useInspections';
import { useInstalledExtensions } from './useInstalledExtensions';
import type { BuildxState } from './useInstalledExtensions';
import { useRememberedResults } from './useRememberedResults';

export interface MatrixController {
  readonly state: MatrixState;
  /** Run the installed extensions again. */
  refresh(): void;
  /** Stop every running inspection: the installed run and the typed images. */
  cancel(): void;
  /** Inspect a typed reference as a row of its own; returns why it was refused (nothing ran), or undefined. */
  inspect(input: string): string | undefined;
  /** Remove a typed row (stopping its inspection). */
  remove(reference: string): void;
  /** The row of the reference typed last: scrolled into view, highlighted and focused. */
  readonly highlight?: Highlight;
}

/** A row to bring to the user's eye; `serial` grows with each submission, so typing the same image again shows it again. */
export interface Highlight {
  /** shared/matrixRow's rowKey. */
  readonly key: string;
  readonly serial: number;
  /** The typed image is an installed extension: its installed row is shown instead of a second row. */
  readonly installed: boolean;
}

/**
 * The matrix state's one owner: remembered rows at once, then list, then inspect each image,
 * filling rows in as results arrive; typed images are added through the same reducer.
 * Leaving the tab (unmount, pagehide) cancels running commands.
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
  const typedEvents = useMemo<TypedRowEvents>(
    () => ({
      added: (seed) => dispatch({ type: 'typed-added', seed }),
      inspected: (reference, result) => dispatch({ type: 'result', reference, origin: 'typed', result }),
      removed: (reference) => dispatch({ type: 'typed-removed', reference }),
    }),
    [],
  );
  const typed = useInspectReference(typedEvents, buildx);

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
  const [highlight, setHighlight] = useState<Highlight | undefined>(undefined);
  const { submit, remove, cancelAll } = typed;
  const rowsNow = useRef(state.rows);
  useEffect(() => {
    rowsNow.current = state.rows;
  }, [state.rows]);

  // Typed rows survive a reload: the saved references are inspected again (once per mount).
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    for (const reference of parseSavedTyped(readStored(TYPED_KEY))) submit(reference);
  }, [submit]);
  useEffect(() => {
    if (!restored.current) return;
    writeStored(
      TYPED_KEY,
      JSON.stringify(state.rows.filter((row) => row.origin === 'typed').map((row) => row.reference)),
    );
  }, [state.rows]);

  const inspect = useCallback(
    (input: string): string | undefined => {
      const checked = validateTyped(input);
      // An installed image is not inspected again as a typed row: its own row is shown instead.
      const installed = checked.ok ? installedRowOf(checked.reference, rowsNow.current) : undefined;
      const refused = installed === undefined ? submit(input) : undefined;
      if (refused === undefined && checked.ok) {
        const key =
          installed === undefined ? rowKey({ origin: 'typed', reference: checked.reference }) : rowKey(installed);
        setHighlight((before) => ({ key, serial: (before?.serial ?? 0) + 1, installed: installed !== undefined }));
      }
      return refused;
    },
    [submit],
  );
  const cancel = useCallback(() => {
    controllerRef.current?.abort();
    cancelAll();
  }, [cancelAll]);
  return { state, refresh, cancel, inspect, remove, highlight };
}
