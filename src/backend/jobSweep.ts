/**
 * Sweeping the deep-check jobs (on the backend's timer): a running job nobody polled for
 * abandonAfterMs is cancelled as 'abandoned' (the tab went away, so its checks stop using the
 * registry and the queue); a finished job is forgotten keepFinishedMs after it finished or was last
 * polled, whichever is later, so the last polls still find it and memory stays bounded.
 */
import { cancelJob, jobState, type Job } from './jobRecords.js';
import type { JobLimits } from './jobLimits.js';

export function sweepJobs(
  jobs: Map<string, Job>,
  now: number,
  limits: Pick<JobLimits, 'abandonAfterMs' | 'keepFinishedMs'>,
): void {
  for (const job of [...jobs.values()]) {
    if (jobState(job) === 'running' && now - job.lastSeen > limits.abandonAfterMs) cancelJob(job, 'abandoned');
    if (job.finishedAt !== undefined && now - Math.max(job.finishedAt, job.lastSeen) > limits.keepFinishedMs)
      jobs.delete(job.id);
  }
}
