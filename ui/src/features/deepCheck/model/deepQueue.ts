/**
 * The deep check of every row, each by itself, after its platform cells (which never wait for it),
 * without React: the hook (useDeepCheck) hands it the rows and shows its states.
 *
 * When a row's platform result arrives (or changes), its deep result is taken from memory (same
 * digest: no request at all) or becomes a backend job (deepJob.ts). At most `maxJobs` jobs run at
 * once (the backend bounds its own work too); the others wait in order. Stop, a newer platform
 * result, a row that went away and leaving the tab abort the row's job. The backend being down or
 * slow is a state of the affected rows; the next request (Retry, Refresh) recovers.
 */
import type { InspectResult } from '@core/index.js';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { BackendPort } from '../backendClient/backendPort';
import type { DeepFindings } from './deepFindings';
import { runDeepJob } from './deepJob';
import { skipReason, type DeepRowState } from './deepRow';
import { deepKey, type RememberedDeepEntry } from './rememberedDeep';
import { browserTimer, type Timer } from './timer';

/** Rows whose deep check runs at once (each is one backend job, polled). */
export const MAX_DEEP_JOBS = 4;

/** Deep results by digest key (model/rememberedDeep): read before asking the backend, written after. */
export interface DeepMemory {
  recall(key: string): RememberedDeepEntry | undefined;
  remember(key: string, findings: DeepFindings): void;
}

export interface DeepQueueOptions {
  readonly port: BackendPort;
  readonly memory: DeepMemory;
  /** Called with the new states (a new map) on every change. */
  readonly onChange: (states: ReadonlyMap<string, DeepRowState>) => void;
  readonly timer?: Timer;
  readonly maxJobs?: number;
}

export interface DeepQueue {
  /** By row key (shared/matrixRow's rowKey). */
  states(): ReadonlyMap<string, DeepRowState>;
  /** The rows as they are now: new platform results start checks, rows that went away are forgotten. */
  sync(rows: readonly MatrixRow[]): void;
  stop(key: string): void;
  retry(key: string): void;
  stopAll(): void;
  /** Leaving the tab: no job waits any more and every running job is cancelled; states stay. */
  leave(): void;
}

interface Job {
  readonly key: string;
  readonly reference: string;
  readonly result: InspectResult;
  readonly controller: AbortController;
}

export function createDeepQueue({
  port,
  memory,
  onChange,
  timer = browserTimer,
  maxJobs = MAX_DEEP_JOBS,
}: DeepQueueOptions): DeepQueue {
  let states: ReadonlyMap<string, DeepRowState> = new Map();
  let rows: readonly MatrixRow[] = [];
  /** The platform result each row's deep check started from. */
  const seen = new Map<string, InspectResult>();
  let waiting: Job[] = [];
  const running = new Map<string, Job>();

  function set(key: string, state: DeepRowState | undefined): void {
    const next = new Map(states);
    if (state === undefined) next.delete(key);
    else next.set(key, state);
    states = next;
    onChange(states);
  }

  function report(job: Job, state: DeepRowState): void {
    if (state.kind === 'done') {
      const memoryKey = deepKey(job.result);
      if (memoryKey !== undefined && state.findings.status === 'checked') memory.remember(memoryKey, state.findings);
    }
    set(job.key, state);
  }

  function pump(): void {
    while (running.size < maxJobs && waiting.length > 0) {
      const job = waiting.shift();
      if (job === undefined) break;
      running.set(job.key, job);
      const { reference, controller } = job;
      const run = { port, timer, reference, signal: controller.signal, report: (s: DeepRowState) => report(job, s) };
      void runDeepJob(run).finally(() => {
        if (running.get(job.key) === job) running.delete(job.key);
        pump();
      });
    }
  }

  function drop(key: string): void {
    waiting = waiting.filter((job) => job.key !== key);
    running.get(key)?.controller.abort();
    running.delete(key);
  }

  function start(key: string, row: MatrixRow, result: InspectResult): void {
    drop(key);
    const skip = skipReason(result);
    if (skip !== undefined) return set(key, { kind: 'skipped', message: skip });
    const memoryKey = deepKey(result);
    const remembered = memoryKey === undefined ? undefined : memory.recall(memoryKey);
    if (remembered !== undefined) return set(key, { kind: 'done', findings: remembered.findings, remembered: true });
    waiting.push({ key, reference: result.canonical ?? row.reference, result, controller: new AbortController() });
    set(key, { kind: 'waiting' });
    pump();
  }

  function stop(key: string): void {
    const wasWaiting = waiting.some((job) => job.key === key);
    const wasRunning = running.has(key);
    drop(key);
    if (wasWaiting || wasRunning) set(key, { kind: 'stopped' });
  }

  return {
    states: () => states,
    sync(next) {
      rows = next;
      const present = new Set<string>();
      for (const row of rows) {
        const key = rowKey(row);
        present.add(key);
        const result = row.result;
        if (result === undefined || row.status !== 'done' || seen.get(key) === result) continue;
        seen.set(key, result);
        start(key, row, result);
      }
      for (const key of [...seen.keys()]) {
        if (present.has(key)) continue;
        seen.delete(key);
        drop(key);
        set(key, undefined);
      }
    },
    stop,
    retry(key) {
      const row = rows.find((r) => rowKey(r) === key);
      if (row?.result !== undefined) start(key, row, row.result);
    },
    stopAll() {
      for (const key of [...running.keys(), ...waiting.map((job) => job.key)]) stop(key);
    },
    leave() {
      waiting = [];
      for (const job of running.values()) job.controller.abort();
    },
  };
}
