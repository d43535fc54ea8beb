/**
 * useDeepCheck against a scripted backend port: each row's deep check after its platform result,
 * progress, Stop (DELETE), backend down and recovery, a job lost to a restart (started again exactly
 * once), the bound on jobs at once, rows with nothing to read, and results remembered by digest (no
 * request on reopening; never a result not checked inside).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendAnswer, BackendPort } from '@ui/features/deepCheck/backendClient/backendPort';
import { useDeepCheck } from '@ui/features/deepCheck/hooks/useDeepCheck';
import { MIN_POLL_MS } from '@ui/features/deepCheck/model/deepJob';
import { MAX_DEEP_JOBS } from '@ui/features/deepCheck/model/deepQueue';
import { REMEMBERED_DEEP_KEY } from '@ui/features/deepCheck/model/rememberedDeep';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { doneRow, notCheckedRow, platformResult, snapshot, wrongHostBinaryRow } from '../../../support/deepRows.js';
import { hostOnlyProvider } from '../../../support/hookHarness';

const wrapper = hostOnlyProvider;

type Step = (id: string) => BackendAnswer;

/** A port whose jobs answer `steps` in turn on each poll (the last one repeats). */
function scriptedPort(options: { start?: (n: number) => BackendAnswer; steps?: Step[] } = {}) {
  const log = { started: [] as string[], polled: [] as string[], cancelled: [] as string[] };
  let n = 0;
  const polls = new Map<string, number>();
  const port: BackendPort = {
    startDeep: (refs) => {
      n += 1;
      log.started.push(refs[0] ?? '');
      return Promise.resolve(
        options.start?.(n) ?? { ok: true, value: snapshot(`job-${n}`, refs[0] ?? '', { state: 'queued' }) },
      );
    },
    pollDeep: (id) => {
      log.polled.push(id);
      const i = polls.get(id) ?? 0;
      polls.set(id, i + 1);
      const steps = options.steps ?? [];
      const step = steps[Math.min(i, steps.length - 1)];
      return Promise.resolve(
        step === undefined ? { ok: true, value: snapshot(id, 'r', { state: 'running' }) } : step(id),
      );
    },
    cancelDeep: (id) => {
      log.cancelled.push(id);
      return Promise.resolve({ ok: true, value: snapshot(id, 'r', { state: 'cancelled' }, 'cancelled') });
    },
  };
  return { port, log };
}

const done: Step = (id) => ({
  ok: true,
  value: snapshot(id, 'r', { state: 'done', result: wrongHostBinaryRow }, 'done'),
});
const jobLost: BackendAnswer = {
  ok: false,
  error: { kind: 'job-lost', statusCode: 404, message: 'No deep-check job' },
};
const progress: Step = (id) => ({
  ok: true,
  value: snapshot(id, 'r', { state: 'running', progress: { bytesRead: 1024, bytesTotal: 4096 } }),
});

beforeEach(() => window.localStorage.clear());
afterEach(() => window.localStorage.clear());

describe('useDeepCheck', () => {
  it('checks a row after its platform result, shows progress, and ends with the findings (remembered by digest)', async () => {
    const { port, log } = scriptedPort({ steps: [progress, progress, done] });
    const row = doneRow('127.0.0.1:5100/deep/wrong-host-binary:1.0.0');
    const { result } = renderHook(() => useDeepCheck([row], port), { wrapper });
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('running'));
    await waitFor(() =>
      expect(result.current.states.get(rowKey(row))).toMatchObject({
        kind: 'running',
        bytesRead: 1024,
        bytesTotal: 4096,
      }),
    );
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('done'));
    const state = result.current.states.get(rowKey(row));
    expect(state?.kind === 'done' && state.findings.verdict).toBe('wrong-host-binary');
    expect(state?.kind === 'done' && state.findings.hostBinaries.map((b) => b.state)).toEqual([
      'ok',
      'wrong-cpu',
      'ok',
    ]);
    expect(log.started).toEqual(['127.0.0.1:5100/deep/wrong-host-binary:1.0.0']);
    expect(window.localStorage.getItem(REMEMBERED_DEEP_KEY)).toContain('wrong-cpu');
  });

  it('repaints a remembered result for the same digest at once, with no request to the backend', async () => {
    const first = scriptedPort({ steps: [done] });
    const row = doneRow('127.0.0.1:5100/deep/wrong-host-binary:1.0.0');
    const one = renderHook(() => useDeepCheck([row], first.port), { wrapper });
    await waitFor(() => expect(one.result.current.states.get(rowKey(row))?.kind).toBe('done'));
    one.unmount();

    const second = scriptedPort({ steps: [done] });
    const again = doneRow(row.reference, platformResult(row.reference));
    const two = renderHook(() => useDeepCheck([again], second.port), { wrapper });
    await waitFor(() =>
      expect(two.result.current.states.get(rowKey(again))).toMatchObject({ kind: 'done', remembered: true }),
    );
    expect(second.log.started).toEqual([]);
    expect(second.log.polled).toEqual([]);
  });

  it('asks again when the digest changed (a new push)', async () => {
    const first = scriptedPort({ steps: [done] });
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    const one = renderHook(() => useDeepCheck([row], first.port), { wrapper });
    await waitFor(() => expect(one.result.current.states.get(rowKey(row))?.kind).toBe('done'));
    one.unmount();
    const second = scriptedPort({ steps: [done] });
    const moved = doneRow(row.reference, platformResult(row.reference, 'ready', `sha256:${'b'.repeat(64)}`));
    renderHook(() => useDeepCheck([moved], second.port), { wrapper });
    await waitFor(() => expect(second.log.started).toEqual([row.reference]));
  });

  it('Stop cancels the job on the backend (DELETE) and says stopped', async () => {
    const { port, log } = scriptedPort({ steps: [progress] });
    const row = doneRow('127.0.0.1:5100/deep/slow:1');
    const { result } = renderHook(() => useDeepCheck([row], port), { wrapper });
    await waitFor(() => expect(log.polled.length).toBeGreaterThan(0));
    act(() => result.current.stop(rowKey(row)));
    expect(result.current.states.get(rowKey(row))?.kind).toBe('stopped');
    await waitFor(() => expect(log.cancelled).toEqual(['job-1']));
  });

  it('says "backend down" on the row when the backend does not answer, and recovers on Retry', async () => {
    let up = false;
    const { port } = scriptedPort({
      start: (n) =>
        up
          ? { ok: true, value: snapshot(`job-${n}`, 'r', { state: 'queued' }) }
          : { ok: false, error: { kind: 'down', message: 'no answer within 15 s' } },
      steps: [done],
    });
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    const { result } = renderHook(() => useDeepCheck([row], port), { wrapper });
    await waitFor(() =>
      expect(result.current.states.get(rowKey(row))).toEqual({
        kind: 'backend-down',
        message: 'no answer within 15 s',
      }),
    );
    up = true;
    act(() => result.current.retry(rowKey(row)));
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('done'));
  });

  it("starts a job lost to a backend restart again, once: the second job's findings show", async () => {
    // job-1 is forgotten by the restarted backend; job-2 finishes.
    const lostThenDone: Step = (id) => (id === 'job-1' ? jobLost : done(id));
    const { port, log } = scriptedPort({ steps: [lostThenDone] });
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    const { result } = renderHook(() => useDeepCheck([row], port), { wrapper });
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('done'), { timeout: 3_000 });
    expect(log.started).toHaveLength(2);
    expect(log.started).toEqual([row.reference, row.reference]);
    expect(log.polled).toEqual(['job-1', 'job-2']);
  });

  it('starts a lost job again only once: when the second job is lost too, no third POST, and the row says so', async () => {
    // The backend forgets every job (it keeps restarting).
    const { port, log } = scriptedPort({ steps: [() => jobLost] });
    const row = doneRow('127.0.0.1:5100/deep/x:1');
    const { result } = renderHook(() => useDeepCheck([row], port), { wrapper });
    await waitFor(() => expect(log.started).toHaveLength(2), { timeout: 3_000 });
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('backend-down'), { timeout: 3_000 });
    // Time for several more polls and starts, had the hook kept going.
    await new Promise((resolve) => setTimeout(resolve, 3 * MIN_POLL_MS));
    expect(log.started).toEqual([row.reference, row.reference]);
    expect(log.polled).toEqual(['job-1', 'job-2']);
    expect(result.current.states.get(rowKey(row))).toEqual({ kind: 'backend-down', message: 'No deep-check job' });
  });

  it('does not remember a result not checked inside: reopening the tab reads the image again', async () => {
    const notChecked: Step = (id) => ({
      ok: true,
      value: snapshot(id, 'r', { state: 'done', result: notCheckedRow }, 'done'),
    });
    const first = scriptedPort({ steps: [notChecked] });
    const row = doneRow('127.0.0.1:5100/deep/slow:1');
    const one = renderHook(() => useDeepCheck([row], first.port), { wrapper });
    await waitFor(() => expect(one.result.current.states.get(rowKey(row))?.kind).toBe('done'));
    expect(window.localStorage.getItem(REMEMBERED_DEEP_KEY) ?? '').not.toContain('127.0.0.1:5100/deep/slow:1');
    one.unmount();

    const second = scriptedPort({ steps: [done] });
    const again = doneRow(row.reference, platformResult(row.reference));
    const two = renderHook(() => useDeepCheck([again], second.port), { wrapper });
    await waitFor(() =>
      expect(two.result.current.states.get(rowKey(again))).toMatchObject({ kind: 'done', remembered: false }),
    );
    expect(second.log.started).toEqual([row.reference]);
  });

  it(`checks at most ${MAX_DEEP_JOBS} rows at once; the others wait`, async () => {
    const { port, log } = scriptedPort({ steps: [progress] });
    const rows: MatrixRow[] = Array.from({ length: MAX_DEEP_JOBS + 2 }, (_, i) =>
      doneRow(`127.0.0.1:5100/deep/x${i}:1`),
    );
    const { result } = renderHook(() => useDeepCheck(rows, port), { wrapper });
    await waitFor(() => expect(log.polled.length).toBeGreaterThan(MAX_DEEP_JOBS));
    expect(log.started).toHaveLength(MAX_DEEP_JOBS);
    expect([...result.current.states.values()].filter((s) => s.kind === 'waiting')).toHaveLength(2);
  });

  it('never asks the backend about a row with nothing to read inside (local only, not found)', async () => {
    const { port, log } = scriptedPort();
    // A typed reference: only an installed row's check reads this machine's engine, where a never-pushed image is.
    const local: MatrixRow = {
      ...doneRow('local/dev:1', platformResult('local/dev:1', 'local-only', null)),
      origin: 'typed',
    };
    const { result } = renderHook(() => useDeepCheck([local], port), { wrapper });
    await waitFor(() => expect(result.current.states.get(rowKey(local))?.kind).toBe('skipped'));
    expect(log.started).toEqual([]);
  });

  it('says there is no backend when the host has none, and waits for rows still inspecting', async () => {
    const { port } = scriptedPort({
      start: () => ({ ok: false, error: { kind: 'no-backend', message: 'no vm.service' } }),
    });
    const pending: MatrixRow = { reference: 'a/b:1', origin: 'installed', isSelf: false, status: 'pending' };
    const row = doneRow('a/c:1');
    const { result } = renderHook(() => useDeepCheck([pending, row], port), { wrapper });
    await waitFor(() => expect(result.current.states.get(rowKey(row))?.kind).toBe('no-backend'));
    expect(result.current.states.has(rowKey(pending))).toBe(false);
  });
});
