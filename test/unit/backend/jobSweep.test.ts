/** Sweeping on its own: abandoned running jobs are cancelled, old finished ones forgotten, their number bounded. */
import { describe, expect, it } from 'vitest';
import { parseReference } from '@core/reference.js';
import { newJob, type Job } from '@backend/jobRecords.js';
import { sweepJobs, trimFinishedJobs } from '@backend/jobSweep.js';

const LIMITS = { abandonAfterMs: 1000, keepFinishedMs: 5000, maxFinishedJobs: 100 };

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

describe('trimFinishedJobs', () => {
  it('keeps at most max finished jobs, forgetting those finished or polled longest ago first', () => {
    const first = stored('first', 0, 10);
    const second = stored('second', 0, 20);
    const polledLate = stored('polled-late', 50, 5);
    const third = stored('third', 0, 30);
    const jobs = new Map([first, second, polledLate, third].map((job) => [job.id, job]));
    trimFinishedJobs(jobs, 2);
    expect([...jobs.keys()]).toEqual(['polled-late', 'third']);
    trimFinishedJobs(jobs, 2);
    expect([...jobs.keys()]).toEqual(['polled-late', 'third']);
  });

  it('never forgets a running job, however many there are', () => {
    const running = [stored('r1', 0), stored('r2', 0), stored('r3', 0)];
    const done = stored('done', 0, 1);
    const jobs = new Map([...running, done].map((job) => [job.id, job]));
    trimFinishedJobs(jobs, 0);
    expect([...jobs.keys()]).toEqual(['r1', 'r2', 'r3']);
  });

  it('is part of every sweep, before keepFinishedMs has passed', () => {
    const jobs = new Map(
      Array.from({ length: 5 }, (_, i) => stored(`j${i}`, 0, 100 + i)).map((job) => [job.id, job] as const),
    );
    sweepJobs(jobs, 200, { ...LIMITS, maxFinishedJobs: 3 });
    expect([...jobs.keys()]).toEqual(['j2', 'j3', 'j4']);
  });
});
