/**
 * Sweeping the deep-check jobs (on the backend's timer): a running job nobody polled for
 * abandonAfterMs is cancelled as 'abandoned' (the tab went away, so its checks stop using the
 * registry and the queue); a finished job is forgotten keepFinishedMs after it finished or was last
 * polled, whichever is later, so the last polls still find it and memory stays bounded. At most
 * maxFinishedJobs finished jobs are kept at any time (trimFinishedJobs, also run as each job
 * finishes): the ones finished or polled longest ago go first.
 */
import { cancelJob, jobState, type Job } from './jobRecords.js';
import type { JobLimits } from './jobLimits.js';

/** When a finished job was last of use: its end or its last poll, whichever is later. */
const lastUse = (job: Job & { finishedAt: number }): number => Math.max(job.finishedAt, job.lastSeen);

/** Forgets the finished jobs beyond `max`, those finished or polled longest ago first. */
export function trimFinishedJobs(jobs: Map<string, Job>, max: number): void {
  const finished = [...jobs.values()].filter(
    (job): job is Job & { finishedAt: number } => job.finishedAt !== undefined,
  );
  if (finished.length <= max) return;
  // A stable sort: jobs last used at the same time go in the order they were created.
  finished.sort((a, b) => lastUse(a) - lastUse(b));
  for (const job of finished.slice(0, finished.length - Math.max(0, max))) jobs.delete(job.id);
}

export function sweepJobs(
  jobs: Map<string, Job>,
  now: number,
  limits: Pick<JobLimits, 'abandonAfterMs' | 'keepFinishedMs' | 'maxFinishedJobs'>,
): void {
  for (const job of [...jobs.values()]) {
    if (jobState(job) === 'running' && now - job.lastSeen > limits.abandonAfterMs) cancelJob(job, 'abandoned');
    if (job.finishedAt !== undefined && now - Math.max(job.finishedAt, job.lastSeen) > limits.keepFinishedMs)
      jobs.delete(job.id);
  }
  trimFinishedJobs(jobs, limits.maxFinishedJobs);
}
