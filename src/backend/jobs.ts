/**
 * The deep-check jobs of the backend: one job per POST /deep, one item per reference. Items of
 * every job share one p-limit queue (bounded concurrency across all callers). Each item gets its
 * own AbortSignal, aborted by DELETE (cancel), by abandonment (nobody polled for abandonAfterMs),
 * by its deadline (itemTimeoutMs) or by shutdown; an item whose deep check ignores the signal is
 * settled anyway and frees its slot. Finished jobs are kept keepFinishedMs for the last polls.
 */
import pLimit from 'p-limit';
import { err, ok, type Result } from '../core/result.js';
import type {
  CancelReason,
  DeepItemSnapshot,
  DeepJobSnapshot,
  DeepJobState,
  ItemError,
  JsonValue,
} from '../wire/backendApi.js';
import { errorReply, type ErrorReply } from '../wire/errors.js';
import type { DeepCheck } from './deepCheckPort.js';
import type { RequestedReference } from './deepRequest.js';
import type { JobLimits } from './jobLimits.js';
import { jsonCopy } from './jsonCopy.js';

export { DEFAULT_JOB_LIMITS, type JobLimits } from './jobLimits.js';

export interface JobStoreOptions {
  readonly deepCheck: DeepCheck;
  readonly limits: JobLimits;
  readonly now: () => number;
  readonly newId: () => string;
}

interface Item {
  readonly request: RequestedReference;
  state: DeepItemSnapshot['state'];
  progress?: JsonValue;
  result?: JsonValue;
  error?: ItemError;
}

interface Job {
  readonly id: string;
  readonly items: Item[];
  readonly controller: AbortController;
  cancelReason?: CancelReason;
  lastSeen: number;
  finishedAt?: number;
  readonly settled: Promise<void>;
}

export interface JobStore {
  create(references: readonly RequestedReference[]): Result<DeepJobSnapshot, ErrorReply>;
  /** The job as it is now; a poll, so it also keeps the job from being abandoned. */
  poll(id: string): DeepJobSnapshot | undefined;
  cancel(id: string, reason: CancelReason): DeepJobSnapshot | undefined;
  /** Cancels abandoned jobs and forgets old finished ones (run on a timer by the backend). */
  sweep(): void;
  counts(): { running: number; queuedItems: number };
  /** Resolves when every item of the job is settled (for shutdown and tests). */
  settled(id: string): Promise<void> | undefined;
  /** Cancels everything ('shutdown') and waits for every item to settle. */
  close(): Promise<void>;
}

class ItemTimeout extends Error {
  override readonly name = 'timeout';
}

const isSettled = (item: Item): boolean => item.state !== 'queued' && item.state !== 'running';

function jobState(job: Job): DeepJobState {
  if (job.cancelReason !== undefined) return 'cancelled';
  return job.items.every(isSettled) ? 'done' : 'running';
}

/** Resolves (never rejects) when the signal aborts. */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function describeThrown(error: unknown): ItemError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message.slice(0, 2000) };
  return { name: 'Error', message: String(error).slice(0, 2000) };
}

export function createJobStore(options: JobStoreOptions): JobStore {
  const { deepCheck, limits, now } = options;
  const limit = pLimit(limits.concurrency);
  const jobs = new Map<string, Job>();

  const snapshot = (job: Job): DeepJobSnapshot => ({
    id: job.id,
    state: jobState(job),
    cancelReason: job.cancelReason,
    items: job.items.map((item) => ({
      reference: item.request.input,
      canonical: item.request.parsed.canonical,
      state: item.state,
      progress: item.progress,
      result: item.result,
      error: item.error,
    })),
    pollAfterMs: limits.pollAfterMs,
  });

  const pendingItems = (): number => {
    let n = 0;
    for (const job of jobs.values()) n += job.items.filter((item) => !isSettled(item)).length;
    return n;
  };

  async function runItem(job: Job, item: Item): Promise<void> {
    if (job.controller.signal.aborted) {
      item.state = 'cancelled';
      return;
    }
    item.state = 'running';
    const own = new AbortController();
    const onJobAbort = (): void => own.abort(job.controller.signal.reason);
    job.controller.signal.addEventListener('abort', onJobAbort, { once: true });
    const timer = setTimeout(() => {
      own.abort(
        new ItemTimeout(
          `The deep check of ${item.request.parsed.canonical} took longer than ${Math.round(limits.itemTimeoutMs / 1000)} s and was stopped.`,
        ),
      );
    }, limits.itemTimeoutMs);
    const onProgress = (progress: JsonValue): void => {
      if (item.state !== 'running') return;
      const copy = jsonCopy(progress);
      if (copy !== undefined) item.progress = copy;
    };
    try {
      const outcome = await Promise.race([
        // async: a deep check that throws before returning a promise is a failed item, not a crash.
        (async () => deepCheck(item.request.parsed, { signal: own.signal, onProgress }))().then(
          (value) => ({ kind: 'value' as const, value }),
          (error: unknown) => ({ kind: 'thrown' as const, error }),
        ),
        whenAborted(own.signal).then(() => ({ kind: 'aborted' as const })),
      ]);
      if (own.signal.aborted) {
        const reason: unknown = own.signal.reason;
        if (reason instanceof ItemTimeout) {
          item.state = 'failed';
          item.error = { name: reason.name, message: reason.message };
        } else {
          item.state = 'cancelled';
        }
      } else if (outcome.kind === 'value') {
        const result = jsonCopy(outcome.value);
        if (result === undefined) {
          item.state = 'failed';
          item.error = { name: 'bad-result', message: 'The deep check returned something that is not JSON.' };
        } else {
          item.state = 'done';
          item.result = result;
        }
      } else {
        item.state = 'failed';
        item.error = describeThrown(outcome.kind === 'thrown' ? outcome.error : undefined);
      }
    } finally {
      clearTimeout(timer);
      job.controller.signal.removeEventListener('abort', onJobAbort);
    }
  }

  function cancelJob(job: Job, reason: CancelReason): void {
    if (jobState(job) !== 'running') return;
    job.cancelReason = reason;
    job.controller.abort(reason);
    // Items still waiting in the queue are cancelled now; running ones when their check settles.
    for (const item of job.items) if (item.state === 'queued') item.state = 'cancelled';
  }

  return {
    create(references) {
      const pending = pendingItems();
      if (pending + references.length > limits.maxPendingItems) {
        return err(
          errorReply(
            429,
            'busy',
            `${pending} deep checks are queued or running; at most ${limits.maxPendingItems}. Try again when some have finished.`,
          ),
        );
      }
      const items: Item[] = references.map((request) => ({ request, state: 'queued' }));
      let markSettled: () => void = () => undefined;
      const job: Job = {
        id: options.newId(),
        items,
        controller: new AbortController(),
        lastSeen: now(),
        settled: new Promise<void>((resolve) => {
          markSettled = resolve;
        }),
      };
      jobs.set(job.id, job);
      void Promise.all(items.map((item) => limit(() => runItem(job, item)))).then(() => {
        job.finishedAt = now();
        markSettled();
      });
      return ok(snapshot(job));
    },

    poll(id) {
      const job = jobs.get(id);
      if (job === undefined) return undefined;
      job.lastSeen = now();
      return snapshot(job);
    },

    cancel(id, reason) {
      const job = jobs.get(id);
      if (job === undefined) return undefined;
      job.lastSeen = now();
      cancelJob(job, reason);
      return snapshot(job);
    },

    sweep() {
      const t = now();
      for (const job of [...jobs.values()]) {
        if (jobState(job) === 'running' && t - job.lastSeen > limits.abandonAfterMs) cancelJob(job, 'abandoned');
        if (job.finishedAt !== undefined && t - Math.max(job.finishedAt, job.lastSeen) > limits.keepFinishedMs)
          jobs.delete(job.id);
      }
    },

    counts() {
      let running = 0;
      for (const job of jobs.values()) if (jobState(job) === 'running') running += 1;
      return { running, queuedItems: pendingItems() };
    },

    settled(id) {
      return jobs.get(id)?.settled;
    },

    async close() {
      for (const job of jobs.values()) cancelJob(job, 'shutdown');
      await Promise.all([...jobs.values()].map((job) => job.settled));
    },
  };
}
