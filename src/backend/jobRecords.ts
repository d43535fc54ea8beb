/**
 * The records behind the deep-check jobs (one job per POST /deep, one item per reference), their
 * states and the snapshot that POST /deep and GET /deep/<id> answer with. The run queue
 * (runQueue.ts) moves items along; the store (jobs.ts) keeps the records by id.
 */
import type {
  CancelReason,
  DeepItemSnapshot,
  DeepJobSnapshot,
  DeepJobState,
  ItemError,
  JsonValue,
} from '../wire/backendApi.js';
import type { RequestedReference } from './deepRequest.js';

export interface JobItem {
  readonly request: RequestedReference;
  state: DeepItemSnapshot['state'];
  progress?: JsonValue;
  result?: JsonValue;
  error?: ItemError;
}

export interface Job {
  readonly id: string;
  readonly items: JobItem[];
  /** Aborted when the job is cancelled: every running check of the job stops. */
  readonly controller: AbortController;
  cancelReason?: CancelReason;
  /** When it was created, polled or cancelled last (a job nobody polls is abandoned). */
  lastSeen: number;
  /** When its last item settled. */
  finishedAt?: number;
  /** Resolves when every item is settled. */
  readonly settled: Promise<void>;
}

/** A new job with every item queued, and how to mark it settled once its last item is. */
export function newJob(
  id: string,
  requests: readonly RequestedReference[],
  seenAt: number,
): { readonly job: Job; readonly markSettled: (finishedAt: number) => void } {
  let resolveSettled: () => void = () => undefined;
  const job: Job = {
    id,
    items: requests.map((request) => ({ request, state: 'queued' })),
    controller: new AbortController(),
    lastSeen: seenAt,
    settled: new Promise<void>((resolve) => {
      resolveSettled = resolve;
    }),
  };
  const markSettled = (finishedAt: number): void => {
    job.finishedAt = finishedAt;
    resolveSettled();
  };
  return { job, markSettled };
}

export const isSettled = (item: JobItem): boolean => item.state !== 'queued' && item.state !== 'running';

export function jobState(job: Job): DeepJobState {
  if (job.cancelReason !== undefined) return 'cancelled';
  return job.items.every(isSettled) ? 'done' : 'running';
}

/** Items queued or running, across these jobs. */
export function pendingItems(jobs: Iterable<Job>): number {
  let n = 0;
  for (const job of jobs) n += job.items.filter((item) => !isSettled(item)).length;
  return n;
}

/** Cancels a running job: its checks are aborted, items still waiting are cancelled now. */
export function cancelJob(job: Job, reason: CancelReason): void {
  if (jobState(job) !== 'running') return;
  job.cancelReason = reason;
  job.controller.abort(reason);
  // Items still waiting in the queue are cancelled now; running ones when their check settles.
  for (const item of job.items) if (item.state === 'queued') item.state = 'cancelled';
}

/** The job as the API shows it (src/wire/backendApi.ts). */
export const snapshotOf = (job: Job, pollAfterMs: number): DeepJobSnapshot => ({
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
  pollAfterMs,
});
