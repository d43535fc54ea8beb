/**
 * The deep-check jobs of the backend: one job per POST /deep, one item per reference, kept by id.
 * The records and their snapshots are in jobRecords.ts, the shared run queue (concurrency, each
 * check's deadline) in runQueue.ts, the sweeping of abandoned and old jobs in jobSweep.ts. A job is
 * cancelled by DELETE, by abandonment or by shutdown; finished jobs are kept keepFinishedMs for the
 * last polls, and never more than maxFinishedJobs of them.
 */
import { err, ok, type Result } from '../core/result.js';
import type { CancelReason, DeepJobSnapshot } from '../wire/backendApi.js';
import { errorReply, type ErrorReply } from '../wire/errors.js';
import type { DeepCheck } from './deepCheckPort.js';
import type { RequestedReference } from './deepRequest.js';
import { cancelJob, jobState, newJob, pendingItems, snapshotOf, type Job } from './jobRecords.js';
import type { JobLimits } from './jobLimits.js';
import { sweepJobs, trimFinishedJobs } from './jobSweep.js';
import { createRunQueue } from './runQueue.js';

export { DEFAULT_JOB_LIMITS, type JobLimits } from './jobLimits.js';

export interface JobStoreOptions {
  readonly deepCheck: DeepCheck;
  readonly limits: JobLimits;
  readonly now: () => number;
  readonly newId: () => string;
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

export function createJobStore(options: JobStoreOptions): JobStore {
  const { limits, now } = options;
  const run = createRunQueue({
    deepCheck: options.deepCheck,
    concurrency: limits.concurrency,
    itemTimeoutMs: limits.itemTimeoutMs,
  });
  const jobs = new Map<string, Job>();
  const snapshot = (job: Job): DeepJobSnapshot => snapshotOf(job, limits.pollAfterMs);
  /** The job by id, marked as seen now. */
  const seen = (id: string): Job | undefined => {
    const job = jobs.get(id);
    if (job !== undefined) job.lastSeen = now();
    return job;
  };

  return {
    create(references) {
      const pending = pendingItems(jobs.values());
      if (pending + references.length > limits.maxPendingItems) {
        return err(
          errorReply(
            429,
            'busy',
            `${pending} deep checks are queued or running; at most ${limits.maxPendingItems}. Try again when some have finished.`,
          ),
        );
      }
      const { job, markSettled } = newJob(options.newId(), references, now());
      jobs.set(job.id, job);
      void Promise.all(job.items.map((item) => run(job, item))).then(() => {
        markSettled(now());
        trimFinishedJobs(jobs, limits.maxFinishedJobs);
      });
      return ok(snapshot(job));
    },

    poll(id) {
      const job = seen(id);
      return job === undefined ? undefined : snapshot(job);
    },

    cancel(id, reason) {
      const job = seen(id);
      if (job === undefined) return undefined;
      cancelJob(job, reason);
      return snapshot(job);
    },

    sweep() {
      sweepJobs(jobs, now(), limits);
    },

    counts() {
      let running = 0;
      for (const job of jobs.values()) if (jobState(job) === 'running') running += 1;
      return { running, queuedItems: pendingItems(jobs.values()) };
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
