/**
 * The deep check of every row, each by itself, after its platform cells (which never wait for it),
 * without React: the hook (useDeepCheck) hands it the rows and shows its states.
 *
 * When a row's platform result arrives (or changes), its deep result is taken from memory (same
 * digest: no request at all) or becomes a backend job (deepJob.ts). At most `maxJobs` jobs run at
 * once (the backend bounds its own work too); the others wait in order. Stop, a newer platform
 * result, a row that went away and leaving the tab abort the row's job. The backend being down or
 * slow is a state of the affected rows; the next request (Retry, Refresh) recovers.
 *
 * An installed extension's row reads this machine's variant from the engine's local store (nothing
 * downloaded); a typed reference reads every variant from its registry. The other variants of an
 * installed row are read from the registry only when asked (readOthers), and folded into its findings.
 */
import type { InspectResult } from '@core/index.js';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { BackendPort, DeepRequestOptions } from '../backendClient/backendPort';
import type { DeepFindings } from './deepFindings';
import { runDeepJob } from './deepJob';
import { deepLine, skipReason, type DeepRowState, type OtherVariantsState } from './deepRow';
import { foldOtherVariants, otherVariantsOffer, sourceForOrigin } from './otherVariants';
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
  /** Reads the variants a done row's check left out, from the registry, and folds them into its findings. */
  readOthers(key: string): void;
  /** Reads a row whose local copy could not be read from the registry instead (every variant). */
  readFromRegistry(key: string): void;
  stopAll(): void;
  /** Leaving the tab: no job waits any more and every running job is cancelled; states stay. */
  leave(): void;
}

interface Job {
  readonly key: string;
  /** The running map's key: the row key, or OTHERS after it for the other variants' read. */
  readonly slot: string;
  readonly reference: string;
  readonly result: InspectResult;
  readonly request: DeepRequestOptions;
  readonly controller: AbortController;
}

const OTHERS = '\u0000others';
const othersSlot = (key: string): string => `${key}${OTHERS}`;

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
    if (job.slot !== job.key) return reportOthers(job, state);
    if (state.kind === 'done') {
      const memoryKey = deepKey(job.result);
      if (memoryKey !== undefined && state.findings.status === 'checked') memory.remember(memoryKey, state.findings);
    }
    set(job.key, state);
  }

  /** The other variants' read shows on the row's done state, and its findings fold in when it ends. */
  function reportOthers(job: Job, state: DeepRowState): void {
    const base = states.get(job.key);
    if (base?.kind !== 'done') return;
    if (state.kind === 'done') return report({ ...job, slot: job.key }, foldedDone(base.findings, state));
    const others: OtherVariantsState =
      state.kind === 'running' || state.kind === 'waiting' || state.kind === 'stopped'
        ? state
        : { kind: 'failed', message: deepLine(state)?.text ?? 'the check failed' };
    set(job.key, { ...base, others });
  }

  const foldedDone = (
    base: Extract<DeepRowState, { kind: 'done' }>['findings'],
    other: Extract<DeepRowState, { kind: 'done' }>,
  ): DeepRowState => ({ kind: 'done', findings: foldOtherVariants(base, other.findings), remembered: false });

  function pump(): void {
    while (running.size < maxJobs && waiting.length > 0) {
      const job = waiting.shift();
      if (job === undefined) break;
      running.set(job.slot, job);
      const { reference, request, controller } = job;
      const signal = controller.signal;
      const run = { port, timer, reference, request, signal, report: (s: DeepRowState) => report(job, s) };
      void runDeepJob(run).finally(() => {
        if (running.get(job.slot) === job) running.delete(job.slot);
        pump();
      });
    }
  }

  /** Drops the row's jobs (its own and its other variants' read), waiting or running. */
  function drop(key: string): void {
    waiting = waiting.filter((job) => job.key !== key);
    for (const slot of [key, othersSlot(key)]) {
      running.get(slot)?.controller.abort();
      running.delete(slot);
    }
  }

  function enqueue(key: string, slot: string, row: MatrixRow, result: InspectResult, request: DeepRequestOptions) {
    const reference = result.canonical ?? row.reference;
    waiting.push({ key, slot, reference, result, request, controller: new AbortController() });
  }

  function start(key: string, row: MatrixRow, result: InspectResult, source = sourceForOrigin(row.origin)): void {
    drop(key);
    const skip = skipReason(result, source);
    if (skip !== undefined) return set(key, { kind: 'skipped', message: skip });
    const memoryKey = deepKey(result);
    const remembered = memoryKey === undefined ? undefined : memory.recall(memoryKey);
    if (remembered !== undefined) return set(key, { kind: 'done', findings: remembered.findings, remembered: true });
    enqueue(key, key, row, result, { source });
    set(key, { kind: 'waiting' });
    pump();
  }

  function stop(key: string): void {
    const state = states.get(key);
    const slot = othersSlot(key);
    if (state?.kind === 'done' && (running.has(slot) || waiting.some((job) => job.slot === slot))) {
      waiting = waiting.filter((job) => job.slot !== slot);
      running.get(slot)?.controller.abort();
      running.delete(slot);
      return set(key, { ...state, others: { kind: 'stopped' } });
    }
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
    readOthers(key) {
      const row = rows.find((r) => rowKey(r) === key);
      const state = states.get(key);
      if (row?.result === undefined || state?.kind !== 'done') return;
      const offer = otherVariantsOffer(state.findings);
      const slot = othersSlot(key);
      if (offer === undefined || running.has(slot) || waiting.some((job) => job.slot === slot)) return;
      enqueue(key, slot, row, row.result, { source: 'registry', platforms: offer.platforms });
      set(key, { ...state, others: { kind: 'waiting' } });
      pump();
    },
    readFromRegistry(key) {
      const row = rows.find((r) => rowKey(r) === key);
      if (row?.result !== undefined && states.get(key)?.kind === 'local-missing')
        start(key, row, row.result, 'registry');
    },
    stopAll() {
      for (const key of new Set([...running.values(), ...waiting].map((job) => job.key))) stop(key);
    },
    leave() {
      waiting = [];
      for (const job of running.values()) job.controller.abort();
    },
  };
}
