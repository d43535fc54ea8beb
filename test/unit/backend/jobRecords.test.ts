/** The job records on their own: states, cancel, pending counts and the snapshot the API shows. */
import { describe, expect, it } from 'vitest';
import { parseReference } from '@core/reference.js';
import type { RequestedReference } from '@backend/deepRequest.js';
import { cancelJob, jobState, newJob, pendingItems, snapshotOf } from '@backend/jobRecords.js';

function requested(...inputs: string[]): RequestedReference[] {
  return inputs.map((input) => {
    const parsed = parseReference(input);
    if (!parsed.ok) throw new Error(`not a reference: ${input}`);
    return { input, parsed: parsed.value };
  });
}

describe('job records', () => {
  it('start running with every item queued, seen when created', () => {
    const { job } = newJob('j1', requested('alpine', 'busybox:1'), 42);
    expect(job.lastSeen).toBe(42);
    expect(jobState(job)).toBe('running');
    expect(pendingItems([job])).toBe(2);
    expect(snapshotOf(job, 500)).toEqual({
      id: 'j1',
      state: 'running',
      cancelReason: undefined,
      items: [
        { reference: 'alpine', canonical: 'docker.io/library/alpine:latest', state: 'queued' },
        { reference: 'busybox:1', canonical: 'docker.io/library/busybox:1', state: 'queued' },
      ],
      pollAfterMs: 500,
    });
  });

  it('are done once every item is settled, and settled when marked so', async () => {
    const { job, markSettled } = newJob('j2', requested('alpine', 'busybox'), 0);
    const [first, second] = job.items;
    if (first === undefined || second === undefined) throw new Error('two items expected');
    first.state = 'done';
    first.result = { verdict: 'ready' };
    expect(jobState(job)).toBe('running');
    second.state = 'failed';
    second.error = { name: 'timeout', message: 'too slow' };
    expect(jobState(job)).toBe('done');
    expect(pendingItems([job])).toBe(0);
    markSettled(77);
    await job.settled;
    expect(job.finishedAt).toBe(77);
    expect(snapshotOf(job, 1).items).toMatchObject([
      { state: 'done', result: { verdict: 'ready' } },
      { state: 'failed', error: { name: 'timeout', message: 'too slow' } },
    ]);
  });

  it('cancel a running job: its signal aborts, queued items are cancelled, running ones are left to settle', () => {
    const { job } = newJob('j3', requested('a1', 'a2'), 0);
    const [running] = job.items;
    if (running === undefined) throw new Error('an item expected');
    running.state = 'running';
    cancelJob(job, 'client');
    expect(job.controller.signal.aborted).toBe(true);
    expect(job.controller.signal.reason).toBe('client');
    expect(job.items.map((item) => item.state)).toEqual(['running', 'cancelled']);
    expect(snapshotOf(job, 1)).toMatchObject({ state: 'cancelled', cancelReason: 'client' });
  });

  it('never cancel a job that is no longer running, nor change why it was cancelled', () => {
    const { job: done } = newJob('done', requested('alpine'), 0);
    for (const item of done.items) item.state = 'done';
    cancelJob(done, 'shutdown');
    expect(done.controller.signal.aborted).toBe(false);
    expect(jobState(done)).toBe('done');

    const { job: cancelled } = newJob('cancelled', requested('alpine'), 0);
    cancelJob(cancelled, 'abandoned');
    cancelJob(cancelled, 'shutdown');
    expect(cancelled.cancelReason).toBe('abandoned');
  });

  it('count pending items across jobs', () => {
    const a = newJob('a', requested('a1', 'a2', 'a3'), 0).job;
    const b = newJob('b', requested('b1'), 0).job;
    const [a1] = a.items;
    if (a1 !== undefined) a1.state = 'done';
    expect(pendingItems([a, b])).toBe(3);
  });
});
