/** The run queue on its own: the concurrency limit, each check's deadline and what a check may do wrong. */
import { describe, expect, it } from 'vitest';
import { parseReference } from '@core/reference.js';
import type { DeepCheck } from '@backend/deepCheckPort.js';
import { cancelJob, newJob, type Job } from '@backend/jobRecords.js';
import { createRunQueue, type RunQueue } from '@backend/runQueue.js';
import { controlledDeepCheck } from '../../support/fakeDeepCheck.js';

function job(...inputs: string[]): Job {
  const requests = inputs.map((input) => {
    const parsed = parseReference(input);
    if (!parsed.ok) throw new Error(`not a reference: ${input}`);
    return { input, parsed: parsed.value };
  });
  return newJob(`job-${inputs.join('-')}`, requests, 0).job;
}

async function runAll(run: RunQueue, j: Job): Promise<void> {
  await Promise.all(j.items.map((item) => run(j, item)));
}

describe('the run queue', () => {
  it('runs at most `concurrency` checks at once, across jobs, in the order they were queued', async () => {
    const fake = controlledDeepCheck();
    const run = createRunQueue({ deepCheck: fake.deepCheck, concurrency: 2, itemTimeoutMs: 60_000 });
    const first = job('a1', 'a2', 'a3');
    const second = job('b1');
    const all = Promise.all([runAll(run, first), runAll(run, second)]);
    await fake.started(2);
    expect(first.items.map((item) => item.state)).toEqual(['running', 'running', 'queued']);
    while (fake.pending.length > 0) {
      fake.pending[0]?.resolve({ ok: true });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    expect(fake.maxRunning()).toBe(2);
    expect(fake.calls).toEqual([
      'docker.io/library/a1:latest',
      'docker.io/library/a2:latest',
      'docker.io/library/a3:latest',
      'docker.io/library/b1:latest',
    ]);
    expect([...first.items, ...second.items].map((item) => [item.state, item.result])).toEqual([
      ['done', { ok: true }],
      ['done', { ok: true }],
      ['done', { ok: true }],
      ['done', { ok: true }],
    ]);
  });

  it('keeps the latest JSON progress while the check runs', async () => {
    const fake = controlledDeepCheck();
    const run = createRunQueue({ deepCheck: fake.deepCheck, concurrency: 1, itemTimeoutMs: 60_000 });
    const j = job('alpine');
    const done = runAll(run, j);
    await fake.started(1);
    fake.pending[0]?.context.onProgress({ bytesRead: 1 });
    fake.pending[0]?.context.onProgress({ bytesRead: 2, bytesTotal: 4 });
    expect(j.items[0]?.progress).toEqual({ bytesRead: 2, bytesTotal: 4 });
    fake.pending[0]?.resolve(null);
    await done;
    expect(j.items[0]).toMatchObject({ state: 'done', result: null, progress: { bytesRead: 2, bytesTotal: 4 } });
  });

  it('stops a check at its deadline, even one that ignores its signal, and frees the slot', async () => {
    const fake = controlledDeepCheck({ honourAbort: false });
    const run = createRunQueue({ deepCheck: fake.deepCheck, concurrency: 1, itemTimeoutMs: 5 });
    const j = job('slow', 'next');
    await runAll(run, j);
    expect(fake.pending[0]?.context.signal.aborted).toBe(true);
    expect(j.items.map((item) => [item.state, item.error?.name])).toEqual([
      ['failed', 'timeout'],
      ['failed', 'timeout'],
    ]);
    expect(j.items[0]?.error?.message).toBe(
      'The deep check of docker.io/library/slow:latest took longer than 0 s and was stopped.',
    );
  });

  it("cancels the items of a cancelled job: the running check's signal aborts, the queued one never starts", async () => {
    const fake = controlledDeepCheck();
    const run = createRunQueue({ deepCheck: fake.deepCheck, concurrency: 1, itemTimeoutMs: 60_000 });
    const j = job('a1', 'a2');
    const done = runAll(run, j);
    await fake.started(1);
    cancelJob(j, 'client');
    await done;
    expect(j.items.map((item) => item.state)).toEqual(['cancelled', 'cancelled']);
    expect(fake.calls).toEqual(['docker.io/library/a1:latest']);
  });

  it.each([
    [
      'rejects with a non-Error',
      (() => Promise.reject('plain text')) as DeepCheck,
      { name: 'Error', message: 'plain text' },
    ],
    [
      'rejects with a nameless Error',
      (() => Promise.reject(Object.assign(new Error('no name'), { name: '' }))) as DeepCheck,
      { name: 'Error', message: 'no name' },
    ],
    [
      'returns a cycle',
      (() => {
        const cycle: Record<string, unknown> = {};
        cycle['self'] = cycle;
        return Promise.resolve(cycle as unknown as null);
      }) as DeepCheck,
      { name: 'bad-result', message: 'The deep check returned something that is not JSON.' },
    ],
  ])('fails an item whose check %s', async (_what, deepCheck, expected) => {
    const run = createRunQueue({ deepCheck, concurrency: 1, itemTimeoutMs: 60_000 });
    const j = job('alpine');
    await runAll(run, j);
    expect(j.items[0]).toMatchObject({ state: 'failed', error: expected });
  });

  it('keeps the last progress a check gave while it ran: a late report after it settled changes nothing', async () => {
    const fake = controlledDeepCheck();
    const run = createRunQueue({ deepCheck: fake.deepCheck, concurrency: 1, itemTimeoutMs: 60_000 });
    const j = job('late');
    const settled = runAll(run, j);
    await fake.started(1);
    const check = fake.pending[0];
    check?.context.onProgress({ bytesRead: 5 });
    check?.resolve({ verdict: 'ready' });
    await settled;
    check?.context.onProgress({ bytesRead: 999 });
    expect(j.items[0]).toMatchObject({ state: 'done', progress: { bytesRead: 5 }, result: { verdict: 'ready' } });
  });
});
