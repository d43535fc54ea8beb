/** The job store's limits and their defaults. */

export interface JobLimits {
  /** Deep checks running at once, across all jobs. */
  readonly concurrency: number;
  /** Items queued or running, across all jobs, before POST /deep answers 429 busy. */
  readonly maxPendingItems: number;
  readonly itemTimeoutMs: number;
  readonly abandonAfterMs: number;
  readonly keepFinishedMs: number;
  /**
   * Finished jobs kept at most (each holds its results): past it the one finished or polled longest ago
   * is forgotten first, however recent, so a burst of jobs cannot grow the backend's memory without bound.
   */
  readonly maxFinishedJobs: number;
  readonly pollAfterMs: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = {
  concurrency: 4,
  maxPendingItems: 1024,
  itemTimeoutMs: 180_000,
  abandonAfterMs: 60_000,
  keepFinishedMs: 600_000,
  maxFinishedJobs: 64,
  pollAfterMs: 500,
};
