/**
 * The deep check of the tab's rows (model/deepQueue: which rows are checked, how many at once, the
 * backend jobs and their polling) as React state. The hook makes one queue per backend port, hands
 * it each new list of rows, shows its states, and makes it leave when the tab goes away (pagehide,
 * unmount).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import type { MatrixRow } from '../../../shared/matrixRow';
import type { BackendPort } from '../backendClient/backendPort';
import { createVmServicePort } from '../backendClient/vmServicePort';
import { createDeepQueue, type DeepQueue } from '../model/deepQueue';
import type { DeepRowState } from '../model/deepRow';
import { useRememberedDeep } from './useRememberedDeep';

export interface DeepCheckController {
  /** By row key (shared/matrixRow's rowKey). */
  readonly states: ReadonlyMap<string, DeepRowState>;
  stop(key: string): void;
  retry(key: string): void;
  /** Reads the variants a done row left out (this machine's variant was read locally), from the registry. */
  readOthers(key: string): void;
  /** Reads a row whose local copy could not be read from the registry instead. */
  readFromRegistry(key: string): void;
  stopAll(): void;
}

export function useDeepCheck(rows: readonly MatrixRow[], portOverride?: BackendPort): DeepCheckController {
  const { dd } = useDocker();
  const port = useMemo(() => portOverride ?? createVmServicePort(dd), [portOverride, dd]);
  const { recall, remember } = useRememberedDeep();
  const [states, setStates] = useState<ReadonlyMap<string, DeepRowState>>(() => new Map());
  const queue = useRef<DeepQueue | undefined>(undefined);
  const latestRows = useRef(rows);

  // A row's platform result arrived (or changed): its deep check starts (or is taken from memory).
  useEffect(() => {
    latestRows.current = rows;
    queue.current?.sync(rows);
  }, [rows]);

  useEffect(() => {
    let live = true;
    const current = createDeepQueue({
      port,
      memory: { recall, remember },
      onChange: (next) => {
        if (live) setStates(next);
      },
    });
    queue.current = current;
    current.sync(latestRows.current);
    const leave = (): void => current.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      live = false;
      if (queue.current === current) queue.current = undefined;
    };
  }, [port, recall, remember]);

  const stop = useCallback((key: string) => queue.current?.stop(key), []);
  const retry = useCallback((key: string) => queue.current?.retry(key), []);
  const readOthers = useCallback((key: string) => queue.current?.readOthers(key), []);
  const readFromRegistry = useCallback((key: string) => queue.current?.readFromRegistry(key), []);
  const stopAll = useCallback(() => queue.current?.stopAll(), []);
  return { states, stop, retry, readOthers, readFromRegistry, stopAll };
}
