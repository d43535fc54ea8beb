/**
 * The deep-check jobs through the routes, in-process (as browser mode calls them): bounded
 * concurrency, progress by polling, cancel, abandonment, deadlines, failures of the check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeepCheck } from '@backend/deepCheckPort.js';
import type { ErrorReply } from '@wire/errors.js';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import { createBackend, type Backend } from '@backend/app.js';
import type { JobLimits } from '@backend/jobs.js';
import type { BackendReply } from '@backend/router.js';
import { controlledDeepCheck } from '../../support/fakeDeepCheck.js';

const INFO = { version: '9.9.9', node: 'v22.0.0', arch: 'arm64' };
const backends: Backend[] = [];
let clock = 0;

function backend(deepCheck: DeepCheck | undefined, jobLimits: Partial<JobLimits> = {}): Backend {
  const created = createBackend({
    ...(deepCheck === undefined ? {} : { deepCheck }),
    info: INFO,
    jobLimits,
    sweepEveryMs: 0,
    now: () => clock,
  });
  backends.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.close()));
  clock = 0;
});

const job = (reply: BackendReply): DeepJobSnapshot => reply.body as DeepJobSnapshot;
const error = (reply: BackendReply): ErrorReply => reply.body as ErrorReply;
const post = (b: Backend, references: unknown[]): BackendReply =>
  b.handle({ method: 'POST', path: '/deep', body: { references } });
const poll = (b: Backend, id: string): BackendReply => b.handle({ method: 'GET', path: `/deep/${id}` });

async function settled(b: Backend, id: string): Promise<DeepJobSnapshot> {
  await b.jobs?.settled(id);
  return job(poll(b, id));
}

describe('routes without a deep check (createBackend without one; main.ts always wires it)', () => {
  it('GET /health says the version, the CPU and that the deep check is unavailable', () => {
    const reply = backend(undefined).handle({ method: 'GET', path: '/health' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'ok',
      service: 'archmatrix-backend',
      version: '9.9.9',
      node: 'v22.0.0',
      arch: 'arm64',
      deepCheck: 'unavailable',
      engine: 'unavailable',
      engineReason: 'this backend was started without an engine',
      jobs: { running: 0, queuedItems: 0 },
    });
  });

  it('POST /deep answers 501 with no fake data, after validating the references', () => {
    const b = backend(undefined);
    const reply = post(b, ['alpine']);
    expect(reply.status).toBe(501);
    expect(reply.body).toEqual({ statusCode: 501, name: 'not-implemented', message: 'deep check not available yet' });
    const hostile = post(b, ['$(reboot)']);
    expect(hostile.status).toBe(400);
    expect(error(hostile).name).toBe('invalid-reference');
  });

  it('answers unknown routes 404 and wrong methods 405 with Allow', () => {
    const b = backend(undefined);
    expect(b.handle({ method: 'GET', path: '/etc/passwd' }).status).toBe(404);
    const wrong = b.handle({ method: 'POST', path: '/health' });
    expect(wrong).toMatchObject({ status: 405, allow: 'GET' });
    expect(error(wrong)).toMatchObject({ statusCode: 405, name: 'method-not-allowed' });
    expect(b.handle({ method: 'GET', path: '/deep' })).toMatchObject({ status: 405, allow: 'POST' });
  });
});

describe('deep-check jobs', () => {
  it('runs each reference once through the injected check and answers with its JSON result', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck);
    const created = post(b, ['alpine', '127.0.0.1:5100/corpus/good:1.0.0']);
    expect(created.status).toBe(202);
    const { id } = job(created);
    expect(job(created).items.map((i) => i.reference)).toEqual(['alpine', '127.0.0.1:5100/corpus/good:1.0.0']);
    await fake.started(2);
    expect(fake.calls).toEqual(['docker.io/library/alpine:latest', '127.0.0.1:5100/corpus/good:1.0.0']);
    fake.pending[1]?.resolve({ verdict: 'ready' });
    fake.pending[0]?.resolve({ verdict: 'wrong-host-binary' });
    const done = await settled(b, id);
    expect(done.state).toBe('done');
    expect(done.items.map((i) => [i.state, i.result])).toEqual([
      ['done', { verdict: 'wrong-host-binary' }],
      ['done', { verdict: 'ready' }],
    ]);
  });

  it('shows the latest progress while a check runs', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck);
    const { id } = job(post(b, ['alpine']));
    await fake.started(1);
    fake.pending[0]?.context.onProgress({ bytesRead: 10, bytesTotal: 100 });
    fake.pending[0]?.context.onProgress({ bytesRead: 60, bytesTotal: 100 });
    const running = job(poll(b, id));
    expect(running.state).toBe('running');
    expect(running.items[0]).toMatchObject({ state: 'running', progress: { bytesRead: 60, bytesTotal: 100 } });
    expect(running.pollAfterMs).toBeGreaterThan(0);
  });

  it('never runs more checks at once than the concurrency, across jobs', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { concurrency: 2 });
    const first = job(post(b, ['a1', 'a2', 'a3']));
    const second = job(post(b, ['b1', 'b2']));
    await fake.started(2);
    expect(b.jobs?.counts()).toEqual({ running: 2, queuedItems: 5 });
    expect(job(poll(b, first.id)).items.map((i) => i.state)).toEqual(['running', 'running', 'queued']);
    while (fake.pending.length > 0) {
      fake.pending[0]?.resolve(null);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([b.jobs?.settled(first.id), b.jobs?.settled(second.id)]);
    expect(fake.calls).toHaveLength(5);
    expect(fake.maxRunning()).toBe(2);
  });

  it('DELETE aborts the running checks and cancels the queued ones', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { concurrency: 1 });
    const { id } = job(post(b, ['a1', 'a2']));
    await fake.started(1);
    const signal = fake.pending[0]?.context.signal;
    const cancelled = b.handle({ method: 'DELETE', path: `/deep/${id}` });
    expect(cancelled.status).toBe(200);
    expect(job(cancelled)).toMatchObject({ state: 'cancelled', cancelReason: 'client' });
    expect(signal?.aborted).toBe(true);
    const after = await settled(b, id);
    expect(after.items.map((i) => i.state)).toEqual(['cancelled', 'cancelled']);
    expect(fake.calls).toEqual(['docker.io/library/a1:latest']);
  });

  it('DELETE answers with the waiting items already cancelled, not shown as queued', async () => {
    const fake = controlledDeepCheck({ honourAbort: false });
    const b = backend(fake.deepCheck, { concurrency: 1 });
    const { id } = job(post(b, ['a1', 'a2', 'a3']));
    await fake.started(1);
    const cancelled = job(b.handle({ method: 'DELETE', path: `/deep/${id}` }));
    expect(cancelled.items.map((i) => i.state)).toEqual(['running', 'cancelled', 'cancelled']);
    expect(job(poll(b, id)).items.map((i) => i.state)).toEqual(['running', 'cancelled', 'cancelled']);
    expect(b.jobs?.counts()).toEqual({ running: 0, queuedItems: 1 });
  });

  it('DELETE of a finished job changes nothing: it stays done, with its results', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck);
    const { id } = job(post(b, ['alpine']));
    await fake.started(1);
    fake.pending[0]?.resolve({ verdict: 'ready' });
    await settled(b, id);
    const reply = b.handle({ method: 'DELETE', path: `/deep/${id}` });
    expect(reply.status).toBe(200);
    expect(job(reply)).toMatchObject({ state: 'done', cancelReason: undefined });
    expect(job(reply).items).toMatchObject([{ state: 'done', result: { verdict: 'ready' } }]);
    expect(job(poll(b, id))).toMatchObject({ state: 'done', cancelReason: undefined });
  });

  it('frees the slot of a cancelled check that ignores its signal', async () => {
    const fake = controlledDeepCheck({ honourAbort: false });
    const b = backend(fake.deepCheck, { concurrency: 1 });
    const stuck = job(post(b, ['stuck']));
    await fake.started(1);
    b.handle({ method: 'DELETE', path: `/deep/${stuck.id}` });
    const next = job(post(b, ['next']));
    await fake.started(2);
    fake.pending[1]?.resolve('ok');
    expect((await settled(b, next.id)).items[0]).toMatchObject({ state: 'done', result: 'ok' });
  });

  it('cancels a job nobody polls any more (the tab went away), and keeps one that is polled', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { abandonAfterMs: 1000 });
    const polled = job(post(b, ['polled']));
    const forgotten = job(post(b, ['forgotten']));
    await fake.started(2);
    clock = 900;
    poll(b, polled.id);
    clock = 1500;
    b.jobs?.sweep();
    expect(job(poll(b, forgotten.id))).toMatchObject({ state: 'cancelled', cancelReason: 'abandoned' });
    expect(job(poll(b, polled.id)).state).toBe('running');
  });

  it('forgets finished jobs after keepFinishedMs: polling them then answers 404', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { keepFinishedMs: 1000 });
    const { id } = job(post(b, ['alpine']));
    await fake.started(1);
    fake.pending[0]?.resolve(1);
    await settled(b, id);
    clock = 5000;
    b.jobs?.sweep();
    const gone = poll(b, id);
    expect(gone.status).toBe(404);
    expect(error(gone).message).toContain('POST /deep');
  });

  it('keeps at most maxFinishedJobs finished jobs, without waiting for a sweep: the oldest answer 404 first', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { maxFinishedJobs: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      clock = i;
      ids.push(job(post(b, [`image${i}`])).id);
      await fake.started(i + 1);
      fake.pending[0]?.resolve(i);
      await settled(b, ids[i] ?? '');
    }
    const running = job(post(b, ['still-running']));
    expect(ids.map((id) => poll(b, id).status)).toEqual([404, 404, 200, 200]);
    expect(job(poll(b, running.id)).state).toBe('running');
  });

  it('200 finished jobs leave no more than maxFinishedJobs in the store', async () => {
    const b = backend(() => Promise.resolve({ verdict: 'ready' }), { maxFinishedJobs: 8 });
    const ids = Array.from({ length: 200 }, (_, i) => job(post(b, [`image${i}`])).id);
    await Promise.all(ids.map((id) => b.jobs?.settled(id)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ids.filter((id) => poll(b, id).status === 200)).toHaveLength(8);
  });

  it('fails a check that outlives its deadline, and says so', async () => {
    const fake = controlledDeepCheck({ honourAbort: false });
    const b = backend(fake.deepCheck, { itemTimeoutMs: 5 });
    const { id } = job(post(b, ['slow']));
    const done = await settled(b, id);
    expect(done.state).toBe('done');
    expect(done.items[0]?.state).toBe('failed');
    expect(done.items[0]?.error?.name).toBe('timeout');
    expect(done.items[0]?.error?.message).toContain('docker.io/library/slow:latest took longer than');
  });

  it.each([
    [
      'rejects',
      (() => Promise.reject(new TypeError('registry said 500'))) as DeepCheck,
      { name: 'TypeError', message: 'registry said 500' },
    ],
    [
      'throws before returning a promise',
      (() => {
        throw new RangeError('boom');
      }) as DeepCheck,
      { name: 'RangeError', message: 'boom' },
    ],
    [
      'returns something that is not JSON',
      (() => Promise.resolve(BigInt(1) as unknown as null)) as DeepCheck,
      { name: 'bad-result', message: 'The deep check returned something that is not JSON.' },
    ],
  ])('a check that %s is a failed item, not a crash', async (_name, deepCheck, expected) => {
    const b = backend(deepCheck);
    const { id } = job(post(b, ['alpine']));
    const done = await settled(b, id);
    expect(done.items[0]).toMatchObject({ state: 'failed', error: expected });
  });

  it('answers 429 busy instead of queueing without bound', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck, { maxPendingItems: 3 });
    expect(post(b, ['a', 'b']).status).toBe(202);
    const refused = post(b, ['c', 'd']);
    expect(refused.status).toBe(429);
    expect(error(refused)).toMatchObject({ name: 'busy' });
    expect(fake.calls.length).toBeLessThanOrEqual(2);
  });

  it('answers 404 for job ids it never made, whatever they look like', () => {
    const b = backend(controlledDeepCheck().deepCheck);
    for (const id of ['0000', '..%2f..%2fetc', 'x'.repeat(500)]) {
      expect(poll(b, id).status).toBe(404);
      expect(b.handle({ method: 'DELETE', path: `/deep/${id}` }).status).toBe(404);
    }
  });

  it('close() cancels running jobs as a shutdown', async () => {
    const fake = controlledDeepCheck();
    const b = backend(fake.deepCheck);
    const { id } = job(post(b, ['alpine']));
    await fake.started(1);
    await b.close();
    expect(job(poll(b, id))).toMatchObject({ state: 'cancelled', cancelReason: 'shutdown' });
  });
});
