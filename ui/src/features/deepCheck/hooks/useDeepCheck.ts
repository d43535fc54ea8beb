/**
 * The deep check of every row, each by itself, after its platform cells (which never wait for it):
 * when a row's platform result arrives, its deep result is taken from memory (same digest: no
 * request at all) or asked of the backend: POST /deep, poll GET /deep/<id> (progress in bytes on
 * the row), DELETE on Stop, on a newer platform result and on leaving the tab. At most
 * MAX_DEEP_JOBS rows are checked at once (the backend bounds its own work too). The backend being
 * down or slow is a state of the affected rows; the next request (Retry, Refresh) recovers, and a
 * job lost to a backend restart is started again once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InspectResult } from '@core/index.js';
import type { DeepJobSnapshot } from '@backend/api.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { BackendFailure, BackendPort } from '../backendClient/backendPort';
import { parseProgress } from '../backendClient/jobSnapshot';
import { createVmServicePort } from '../backendClient/vmServicePort';
import { parseDeepFindings } from '../model/deepFindings';
import { skipReason, type DeepRowState } from '../model/deepRow';
import { deepKey } from '../model/rememberedDeep';
import { useRememberedDeep } from './useRememberedDeep';

/** Rows whose deep check runs at once (each is one backend job, polled). */
export const MAX_DEEP_JOBS = 4;
const MIN_POLL_MS = 200;
const MAX_POLL_MS = 5_000;

export interface DeepCheckController {
  /** By row key (shared/matrixRow's rowKey). */
  readonly states: ReadonlyMap<string, DeepRowState>;
  stop(key: string): void;
  retry(key: string): void;
  stopAll(): void;
}

interface Job {
  readonly reference: string;
  readonly result: InspectResult;
  readonly controller: AbortController;
}

function stateOfFailure(failure: BackendFailure): DeepRowState {
  switch (failure.kind) {
    case 'no-backend':
      return { kind: 'no-backend', message: failure.message };
    case 'unavailable':
      return { kind: 'no-backend', message: `The backend has no deep check (${failure.message}).` };
    case 'down':
    case 'busy':
    case 'job-lost':
      return { kind: 'backend-down', message: failure.message };
    case 'refused':
    case 'malformed':
    case 'error':
      return { kind: 'failed', message: failure.message };
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export function useDeepCheck(rows: readonly MatrixRow[], portOverride?: BackendPort): DeepCheckController {
  const { dd } = useDocker();
  const port = useMemo(() => portOverride ?? createVmServicePort(dd), [portOverride, dd]);
  const { recall, remember } = useRememberedDeep();
  const [states, setStates] = useState<ReadonlyMap<string, DeepRowState>>(() => new Map());
  const seen = useRef(new Map<string, InspectResult>());
  const queue = useRef<{ key: string; job: Job }[]>([]);
  const running = useRef(new Map<string, Job>());
  const mounted = useRef(true);

  const set = useCallback((key: string, state: DeepRowState | undefined) => {
    if (!mounted.current) return;
    setStates((old) => {
      const next = new Map(old);
      if (state === undefined) next.delete(key);
      else next.set(key, state);
      return next;
    });
  }, []);

  const runJob = useCallback(
    async (key: string, job: Job): Promise<void> => {
      const { signal } = job.controller;
      set(key, { kind: 'running' });
      let restarted = false;
      let answer = await port.startDeep([job.reference]);
      let id: string | undefined;
      for (;;) {
        if (!answer.ok) {
          if (answer.error.kind === 'job-lost' && !restarted && !signal.aborted) {
            restarted = true;
            answer = await port.startDeep([job.reference]);
            continue;
          }
          if (!signal.aborted) set(key, stateOfFailure(answer.error));
          return;
        }
        const snapshot: DeepJobSnapshot = answer.value;
        id = snapshot.id;
        if (signal.aborted) break;
        const item = snapshot.items[0];
        if (item === undefined) {
          set(key, { kind: 'failed', message: 'the backend answered a job without the image' });
          return;
        }
        if (item.state === 'done') {
          const findings = parseDeepFindings(item.result);
          if (findings === undefined) {
            set(key, { kind: 'failed', message: 'the backend answered without deep findings (a different version?)' });
            return;
          }
          const memoryKey = deepKey(job.result);
          if (memoryKey !== undefined && findings.status === 'checked') remember(memoryKey, findings);
          set(key, { kind: 'done', findings, remembered: false });
          return;
        }
        if (item.state === 'failed') {
          set(key, { kind: 'failed', message: item.error?.message ?? 'the check failed' });
          return;
        }
        if (item.state === 'cancelled' || snapshot.state === 'cancelled') {
          set(
            key,
            snapshot.cancelReason === 'client'
              ? { kind: 'stopped' }
              : {
                  kind: 'backend-down',
                  message: `the backend cancelled the check (${snapshot.cancelReason ?? 'cancelled'})`,
                },
          );
          return;
        }
        const progress = parseProgress(item.progress);
        set(key, { kind: 'running', bytesRead: progress?.bytesRead, bytesTotal: progress?.bytesTotal });
        await sleep(Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, snapshot.pollAfterMs)), signal);
        if (signal.aborted) break;
        answer = await port.pollDeep(snapshot.id);
      }
      // Stopped (by the user, a newer result, or leaving the tab): the backend stops reading too.
      if (id !== undefined) void port.cancelDeep(id);
    },
    [port, remember, set],
  );

  const pump = useCallback(() => {
    while (running.current.size < MAX_DEEP_JOBS && queue.current.length > 0) {
      const next = queue.current.shift();
      if (next === undefined) break;
      running.current.set(next.key, next.job);
      void runJob(next.key, next.job).finally(() => {
        if (running.current.get(next.key) === next.job) running.current.delete(next.key);
        if (mounted.current) pump();
      });
    }
  }, [runJob]);

  const drop = useCallback((key: string) => {
    queue.current = queue.current.filter((q) => q.key !== key);
    running.current.get(key)?.controller.abort();
    running.current.delete(key);
  }, []);

  const start = useCallback(
    (key: string, row: MatrixRow, result: InspectResult) => {
      drop(key);
      const skip = skipReason(result);
      if (skip !== undefined) return set(key, { kind: 'skipped', message: skip });
      const memoryKey = deepKey(result);
      const remembered = memoryKey === undefined ? undefined : recall(memoryKey);
      if (remembered !== undefined) return set(key, { kind: 'done', findings: remembered.findings, remembered: true });
      queue.current.push({
        key,
        job: { reference: result.canonical ?? row.reference, result, controller: new AbortController() },
      });
      set(key, { kind: 'waiting' });
      pump();
    },
    [drop, pump, recall, set],
  );

  // A row's platform result arrived (or changed): its deep check starts (or is taken from memory).
  useEffect(() => {
    const present = new Set<string>();
    for (const row of rows) {
      const key = rowKey(row);
      present.add(key);
      const result = row.result;
      if (result === undefined || row.status !== 'done' || seen.current.get(key) === result) continue;
      seen.current.set(key, result);
      start(key, row, result);
    }
    for (const key of [...seen.current.keys()]) {
      if (present.has(key)) continue;
      seen.current.delete(key);
      drop(key);
      set(key, undefined);
    }
  }, [rows, start, drop, set]);

  useEffect(() => {
    mounted.current = true;
    const leave = (): void => {
      queue.current = [];
      for (const job of running.current.values()) job.controller.abort();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      mounted.current = false;
    };
  }, []);

  const stop = useCallback(
    (key: string) => {
      const waiting = queue.current.some((q) => q.key === key);
      const active = running.current.has(key);
      drop(key);
      if (waiting || active) set(key, { kind: 'stopped' });
    },
    [drop, set],
  );
  const retry = useCallback(
    (key: string) => {
      const row = rows.find((r) => rowKey(r) === key);
      if (row?.result !== undefined) start(key, row, row.result);
    },
    [rows, start],
  );
  const stopAll = useCallback(() => {
    for (const key of [...running.current.keys(), ...queue.current.map((q) => q.key)]) stop(key);
  }, [stop]);

  return { states, stop, retry, stopAll };
}
