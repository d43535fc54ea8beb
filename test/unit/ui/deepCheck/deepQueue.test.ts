/**
 * The deep check's job queue by itself (no React): a fake backend port and vitest's fake timers.
 * Which rows become jobs, at most MAX_DEEP_JOBS at once and the rest in order, the poll cadence the
 * backend asks for (within MIN_POLL_MS and MAX_POLL_MS), completion (remembered by digest), Stop and
 * leaving the tab (DELETE), a job lost to a backend restart (started again once), and the backend
 * down (a state of the row; Retry recovers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendAnswer, BackendPort } from '@ui/features/deepCheck/backendClient/backendPort';
import { parseDeepFindings, type DeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import { MAX_POLL_MS, MIN_POLL_MS } from '@ui/features/deepCheck/model/deepJob';
import { MAX_DEEP_JOBS, createDeepQueue, type DeepQueue } from '@ui/features/deepCheck/model/deepQueue';
import type { DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { deepKey, type RememberedDeepEntry } from '@ui/features/deepCheck/model/rememberedDeep';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { doneRow, notCheckedRow, platformResult, snapshot, wrongHostBinaryRow } from '../../../support/deepRows.js';

const POLL_AFTER_MS = 1_000;

type Answer = (id: string) => BackendAnswer;

const running: Answer = (id) => ({ ok: true, value: { ...snapshot(id, 'r', {}), pollAfterMs: POLL_AFTER_MS } });
const progress: Answer = (id) => ({
  ok: true,
  value: { ...snapshot(id, 'r', { progress: { bytesRead: 1024, bytesTotal: 4096 } }), pollAfterMs: POLL_AFTER_MS },
});
const done: Answer = (id) => ({
  ok: true,
  value: snapshot(id, 'r', { state: 'done', result: wrongHostBinaryRow }, 'done'),
});
const lost: Answer = () => ({ ok: false, error: { kind: 'job-lost', statusCode: 404, message: 'No deep-check job' } });
const down: Answer = () => ({ ok: false, error: { kind: 'down', message: 'no answer within 15 s' } });

/**
 * A backend whose jobs are job-1, job-2, ... in the order they are started. `start` answers POST
 * (by default a running job), `poll` answers GET (by default "still running"). Every request is
 * logged with the fake clock's time.
 */
function fakeBackend(answers: { start?: (n: number) => BackendAnswer | undefined; poll?: Answer } = {}) {
  const log: { readonly at: number; readonly request: string }[] = [];
  let jobs = 0;
  const port: BackendPort = {
    startDeep: (references) => {
      jobs += 1;
      log.push({ at: Date.now(), request: `POST ${references.join(' ')}` });
      return Promise.resolve(answers.start?.(jobs) ?? running(`job-${jobs}`));
    },
    pollDeep: (id) => {
      log.push({ at: Date.now(), request: `GET ${id}` });
      return Promise.resolve((answers.poll ?? running)(id));
    },
    cancelDeep: (id) => {
      log.push({ at: Date.now(), request: `DELETE ${id}` });
      return Promise.resolve({ ok: true, value: snapshot(id, 'r', { state: 'cancelled' }, 'cancelled') });
    },
  };
  const requests = (prefix = ''): string[] => log.map((l) => l.request).filter((r) => r.startsWith(prefix));
  return { port, log, requests };
}

function memory(entries: Map<string, RememberedDeepEntry> = new Map()) {
  return {
    entries,
    recall: (key: string) => entries.get(key),
    remember: (key: string, findings: DeepFindings) => entries.set(key, { savedAt: 'now', findings }),
  };
}

function queueOn(port: BackendPort, remembered = memory()) {
  const changes: ReadonlyMap<string, DeepRowState>[] = [];
  const queue = createDeepQueue({ port, memory: remembered, onChange: (states) => changes.push(states) });
  const kind = (row: MatrixRow): DeepRowState['kind'] | undefined => queue.states().get(rowKey(row))?.kind;
  return { queue, changes, kind, remembered };
}

/** Lets the fake backend's answers (resolved promises) arrive, without moving the clock. */
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0);
};
const rowsNamed = (count: number): MatrixRow[] =>
  Array.from({ length: count }, (_, i) => doneRow(`127.0.0.1:5100/deep/x${i}:1`));
function nth(rows: readonly MatrixRow[], index: number): MatrixRow {
  const row = rows.at(index);
  if (row === undefined) throw new Error(`no row ${index}`);
  return row;
}

let queues: DeepQueue[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  queues = [];
});
afterEach(() => {
  for (const queue of queues) queue.leave();
  vi.useRealTimers();
});

describe('which rows become jobs', () => {
  it(`runs at most ${MAX_DEEP_JOBS} jobs at once; the others wait in order and start as jobs end`, async () => {
    let finished = new Set<string>();
    const backend = fakeBackend({ poll: (id) => (finished.has(id) ? done(id) : running(id)) });
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const rows = rowsNamed(MAX_DEEP_JOBS + 2);
    queue.sync(rows);
    expect(backend.requests('POST')).toEqual(rows.slice(0, MAX_DEEP_JOBS).map((r) => `POST ${r.reference}`));
    expect(rows.map(kind)).toEqual([...Array<string>(MAX_DEEP_JOBS).fill('running'), 'waiting', 'waiting']);

    finished = new Set(['job-2']);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    expect(kind(nth(rows, 1))).toBe('done');
    expect(backend.requests('POST')).toHaveLength(MAX_DEEP_JOBS + 1);
    expect(backend.requests('POST').at(-1)).toBe(`POST ${nth(rows, MAX_DEEP_JOBS).reference}`);
    expect(rows.map(kind).filter((k) => k === 'running')).toHaveLength(MAX_DEEP_JOBS);
    expect(rows.map(kind).filter((k) => k === 'waiting')).toHaveLength(1);
  });

  it('starts a row only once its platform result is done, and again only for a new result', async () => {
    const backend = fakeBackend();
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const pending: MatrixRow = { reference: 'a/b:1', origin: 'installed', isSelf: false, status: 'pending' };
    const row = doneRow('a/c:1');
    queue.sync([pending, row]);
    queue.sync([pending, row]);
    await settle();
    expect(backend.requests('POST')).toEqual(['POST a/c:1']);
    expect(kind(pending)).toBeUndefined();

    // A refresh brings a new result: the old job is cancelled on the backend, a new one starts.
    queue.sync([pending, doneRow('a/c:1', platformResult('a/c:1'))]);
    await settle();
    expect(backend.requests()).toEqual(['POST a/c:1', 'POST a/c:1', 'DELETE job-1']);
  });

  it('never asks the backend about a row with nothing to read inside, nor one remembered by digest', async () => {
    const backend = fakeBackend();
    // A typed reference: only an installed row's check reads this machine's engine, where a never-pushed image is.
    const local: MatrixRow = {
      ...doneRow('local/dev:1', platformResult('local/dev:1', 'local-only', null)),
      origin: 'typed',
    };
    const known = doneRow('127.0.0.1:5100/deep/known:1');
    const key = deepKey(platformResult(known.reference));
    const findings = parseDeepFindings(wrongHostBinaryRow);
    if (key === undefined || findings === undefined) throw new Error('the fixtures must have a digest and parse');
    const { queue, kind } = queueOn(backend.port, memory(new Map([[key, { savedAt: 'then', findings }]])));
    queues.push(queue);
    queue.sync([local, known]);
    await settle();
    expect(kind(local)).toBe('skipped');
    expect(queue.states().get(rowKey(known))).toMatchObject({ kind: 'done', remembered: true });
    expect(backend.requests()).toEqual([]);
  });

  it('forgets a row that went away: its job is cancelled and its state removed', async () => {
    const backend = fakeBackend();
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const rows = rowsNamed(2);
    const [gone, stays] = [nth(rows, 0), nth(rows, 1)];
    queue.sync([gone, stays]);
    await settle();
    queue.sync([stays]);
    await settle();
    expect(kind(gone)).toBeUndefined();
    expect(kind(stays)).toBe('running');
    expect(backend.requests('DELETE')).toEqual(['DELETE job-1']);
  });
});

describe('polling', () => {
  it('polls at the pace the backend asks for, showing progress in bytes', async () => {
    const backend = fakeBackend({ poll: progress });
    const { queue } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/slow:1');
    const t0 = Date.now();
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS - 1);
    expect(backend.requests('GET')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.requests('GET')).toEqual(['GET job-1']);
    expect(queue.states().get(rowKey(row))).toEqual({ kind: 'running', bytesRead: 1024, bytesTotal: 4096 });
    await vi.advanceTimersByTimeAsync(3 * POLL_AFTER_MS);
    expect(backend.log.filter((l) => l.request === 'GET job-1').map((l) => l.at - t0)).toEqual([
      POLL_AFTER_MS,
      2 * POLL_AFTER_MS,
      3 * POLL_AFTER_MS,
      4 * POLL_AFTER_MS,
    ]);
  });

  it(`keeps the pace between ${MIN_POLL_MS} ms and ${MAX_POLL_MS} ms whatever the backend asks`, async () => {
    const asking = (pollAfterMs: number) => (n: number) => ({
      ok: true as const,
      value: { ...snapshot(`job-${n}`, 'r', {}), pollAfterMs },
    });
    const eager = fakeBackend({ start: asking(1) });
    const lazy = fakeBackend({ start: asking(60_000) });
    for (const backend of [eager, lazy]) {
      const { queue } = queueOn(backend.port);
      queues.push(queue);
      queue.sync([doneRow('127.0.0.1:5100/deep/x:1')]);
    }
    await vi.advanceTimersByTimeAsync(MIN_POLL_MS - 1);
    expect(eager.requests('GET')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(eager.requests('GET')).toEqual(['GET job-1']);
    await vi.advanceTimersByTimeAsync(MAX_POLL_MS - MIN_POLL_MS - 1);
    expect(lazy.requests('GET')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(lazy.requests('GET')).toEqual(['GET job-1']);
  });

  it('ends with the findings, remembers them by digest and polls no more', async () => {
    const backend = fakeBackend({ poll: done });
    const { queue, remembered } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/wrong-host-binary:1.0.0');
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(10 * POLL_AFTER_MS);
    const state = queue.states().get(rowKey(row));
    expect(state?.kind === 'done' && state.findings.verdict).toBe('wrong-host-binary');
    expect(state).toMatchObject({ remembered: false });
    expect(backend.requests()).toEqual([`POST ${row.reference}`, 'GET job-1']);
    const key = row.result === undefined ? undefined : deepKey(row.result);
    expect(key !== undefined && remembered.entries.get(key)?.findings.verdict).toBe('wrong-host-binary');
  });

  it('never remembers a result not checked inside: the same digest is read again on the next platform result', async () => {
    const backend = fakeBackend({
      poll: (id) => ({ ok: true, value: snapshot(id, 'r', { state: 'done', result: notCheckedRow }, 'done') }),
    });
    const { queue, remembered } = queueOn(backend.port);
    queues.push(queue);
    const reference = '127.0.0.1:5100/deep/slow:1';
    queue.sync([doneRow(reference)]);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    const state = queue.states().get(rowKey(doneRow(reference)));
    expect(state?.kind === 'done' && state.findings.status).toBe('not-checked');
    expect(remembered.entries.size).toBe(0);

    // A refresh: a new platform result for the same index digest.
    queue.sync([doneRow(reference, platformResult(reference))]);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    expect(backend.requests()).toEqual([`POST ${reference}`, 'GET job-1', `POST ${reference}`, 'GET job-2']);
  });

  it('says "backend down" when the backend cancelled the job itself (shutdown)', async () => {
    const backend = fakeBackend({
      poll: (id) => ({
        ok: true,
        value: { ...snapshot(id, 'r', { state: 'cancelled' }, 'cancelled'), cancelReason: 'shutdown' },
      }),
    });
    const { queue } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    expect(queue.states().get(rowKey(row))).toEqual({
      kind: 'backend-down',
      message: 'the backend cancelled the check (shutdown)',
    });
  });
});

describe('Stop and leaving the tab', () => {
  it('Stop cancels a running job on the backend (DELETE) and polls it no more; a waiting row never starts', async () => {
    const backend = fakeBackend();
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const rows = rowsNamed(MAX_DEEP_JOBS + 1);
    const [first, last] = [nth(rows, 0), nth(rows, -1)];
    queue.sync(rows);
    await settle();
    queue.stop(rowKey(last));
    queue.stop(rowKey(first));
    expect([kind(first), kind(last)]).toEqual(['stopped', 'stopped']);
    await vi.advanceTimersByTimeAsync(3 * POLL_AFTER_MS);
    expect(backend.requests('DELETE')).toEqual(['DELETE job-1']);
    expect(backend.requests('GET job-1')).toEqual([]);
    expect(backend.requests('POST')).not.toContain(`POST ${last.reference}`);
  });

  it('stopAll stops every running and waiting row', async () => {
    const backend = fakeBackend();
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const rows = rowsNamed(MAX_DEEP_JOBS + 2);
    queue.sync(rows);
    await settle();
    queue.stopAll();
    await settle();
    expect(rows.map(kind)).toEqual(rows.map(() => 'stopped'));
    expect(backend.requests('DELETE')).toHaveLength(MAX_DEEP_JOBS);
  });

  it('leaving the tab cancels every running job and starts no waiting one; the states stay', async () => {
    const backend = fakeBackend();
    const { queue, kind } = queueOn(backend.port);
    const rows = rowsNamed(MAX_DEEP_JOBS + 1);
    queue.sync(rows);
    await settle();
    queue.leave();
    await vi.advanceTimersByTimeAsync(3 * POLL_AFTER_MS);
    expect(backend.requests('DELETE')).toHaveLength(MAX_DEEP_JOBS);
    expect(backend.requests('POST')).toHaveLength(MAX_DEEP_JOBS);
    expect(backend.requests('GET')).toEqual([]);
    expect(kind(nth(rows, -1))).toBe('waiting');
  });
});

describe('the backend restarting or down', () => {
  it('starts a job lost to a backend restart again, once', async () => {
    const backend = fakeBackend({ poll: (id) => (id === 'job-1' ? lost(id) : done(id)) });
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(2 * POLL_AFTER_MS);
    expect(backend.requests()).toEqual([`POST ${row.reference}`, 'GET job-1', `POST ${row.reference}`, 'GET job-2']);
    expect(kind(row)).toBe('done');
  });

  it('says "backend down" when the job is lost a second time', async () => {
    const backend = fakeBackend({ poll: lost });
    const { queue } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(10 * POLL_AFTER_MS);
    expect(backend.requests('POST')).toHaveLength(2);
    expect(queue.states().get(rowKey(row))).toEqual({ kind: 'backend-down', message: 'No deep-check job' });
  });

  it('says "backend down" on the row when the backend does not answer, frees the slot, and recovers on Retry', async () => {
    let up = false;
    const backend = fakeBackend({ start: (n) => (up ? undefined : down(`job-${n}`)), poll: done });
    const { queue, kind } = queueOn(backend.port);
    queues.push(queue);
    const rows = rowsNamed(MAX_DEEP_JOBS + 1);
    const row = nth(rows, 0);
    queue.sync(rows);
    await settle();
    expect(queue.states().get(rowKey(row))).toEqual({ kind: 'backend-down', message: 'no answer within 15 s' });
    expect(rows.map(kind)).toEqual(rows.map(() => 'backend-down'));

    up = true;
    queue.retry(rowKey(row));
    expect(kind(row)).toBe('running');
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    expect(kind(row)).toBe('done');
  });

  it('says there is no backend when the host has none, or the backend has no deep check', async () => {
    const none = fakeBackend({ start: () => ({ ok: false, error: { kind: 'no-backend', message: 'no vm.service' } }) });
    const old = fakeBackend({
      start: () => ({ ok: false, error: { kind: 'unavailable', statusCode: 501, message: 'HTTP 501' } }),
    });
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    const states: (DeepRowState | undefined)[] = [];
    for (const backend of [none, old]) {
      const { queue } = queueOn(backend.port);
      queues.push(queue);
      queue.sync([row]);
      await settle();
      states.push(queue.states().get(rowKey(row)));
    }
    expect(states).toEqual([
      { kind: 'no-backend', message: 'no vm.service' },
      { kind: 'no-backend', message: 'The backend has no deep check (HTTP 501).' },
    ]);
  });
});

describe('the states', () => {
  it('hands every change to onChange as a new map', async () => {
    const backend = fakeBackend({ poll: done });
    const { queue, changes } = queueOn(backend.port);
    queues.push(queue);
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    queue.sync([row]);
    await vi.advanceTimersByTimeAsync(POLL_AFTER_MS);
    expect(changes.map((states) => states.get(rowKey(row))?.kind)).toEqual(['waiting', 'running', 'running', 'done']);
    expect(new Set(changes).size).toBe(changes.length);
    expect(changes.at(-1)).toBe(queue.states());
  });
});
