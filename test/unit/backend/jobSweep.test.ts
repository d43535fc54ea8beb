/** Sweeping on its own: abandoned running jobs are cancelled, old finished ones forgotten. */
import { describe, expect, it } from 'vitest';
import { parseReference } from '@core/reference.js';
import { newJob, type Job } from '@backend/jobRecords.js';
import { sweepJobs } from '@backend/jobSweep.js';

const LIMITS = { abandonAfterMs: 1000, keepFinishedMs: 5000 };

function stored(id: string, lastSeen: number, finishedAt?: number): Job {
  const parsed = parseReference('alpine');
  if (!parsed.ok) throw new Error('alpine is a reference');
  const { job, markSettled } = newJob(id, [{ input: 'alpine', parsed: parsed.value }], lastSeen);
  if (finishedAt !== undefined) {
    for (const item of job.items) item.state = 'done';
    markSettled(finishedAt);
  }
  return job;
}

describe('sweepJobs', () => {
  it('cancels a running job nobody polled for longer than abandonAfterMs, and only that one', () => {
    const forgotten = stored('forgotten', 0);
    const polled = stored('polled', 900);
    const jobs = new Map([forgotten, polled].map((job) => [job.id, job]));
    sweepJobs(jobs, 1500, LIMITS);
    expect(forgotten.cancelReason).toBe('abandoned');
    expect(forgotten.controller.signal.aborted).toBe(true);
    expect(polled.cancelReason).toBeUndefined();
    expect([...jobs.keys()]).toEqual(['forgotten', 'polled']);
  });

  it('forgets a finished job keepFinishedMs after it finished or was last polled, whichever is later', () => {
    const old = stored('old', 0, 100);
    const pollsAfter = stored('polls-after', 3000, 100);
    const jobs = new Map([old, pollsAfter].map((job) => [job.id, job]));
    sweepJobs(jobs, 5101, LIMITS);
    expect([...jobs.keys()]).toEqual(['polls-after']);
    expect(old.cancelReason).toBeUndefined();
    sweepJobs(jobs, 8001, LIMITS);
    expect(jobs.size).toBe(0);
  });

  it('keeps a cancelled job until its items have settled', () => {
    const cancelled = stored('cancelled', 0);
    const jobs = new Map([[cancelled.id, cancelled]]);
    sweepJobs(jobs, 100_000, LIMITS);
    expect(cancelled.cancelReason).toBe('abandoned');
    expect(jobs.has('cancelled')).toBe(true);
  });
});
