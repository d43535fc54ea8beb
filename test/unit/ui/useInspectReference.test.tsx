import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import type { ExecPort, ExecRequest } from '@commands/index.js';
import { useInspectReference } from '@ui/features/matrix/hooks/useInspectReference';
import type { TypedRowEvents } from '@ui/features/matrix/hooks/useInspectReference';
import type { RowSeed } from '@ui/shared/matrixRow';
import { loadFixture } from '../../support/recordings.js';
import { fakeClient } from '../../support/fakeClient.js';
import { providers } from '../../support/hookHarness';

type Event =
  | { readonly kind: 'added'; readonly seed: RowSeed }
  | { readonly kind: 'inspected'; readonly reference: string; readonly result: InspectResult }
  | { readonly kind: 'removed'; readonly reference: string };

function recorder(): { events: Event[]; handlers: TypedRowEvents } {
  const events: Event[] = [];
  return {
    events,
    handlers: {
      added: (seed) => void events.push({ kind: 'added', seed }),
      inspected: (reference, result) => void events.push({ kind: 'inspected', reference, result }),
      removed: (reference) => void events.push({ kind: 'removed', reference }),
    },
  };
}

/** A port answering `imagetools inspect --raw` with a recording, and holding every other command until aborted. */
function port(answer: (request: ExecRequest) => { stdout: string; stderr: string; exitCode: number } | 'hold'): {
  exec: ExecPort;
  requests: ExecRequest[];
} {
  const requests: ExecRequest[] = [];
  const exec: ExecPort = (request) => {
    requests.push(request);
    const outcome = answer(request);
    if (outcome !== 'hold') return Promise.resolve(outcome);
    return new Promise((resolve) =>
      request.signal?.addEventListener('abort', () =>
        resolve({ stdout: '', stderr: '', exitCode: null, interrupted: 'cancelled' }),
      ),
    );
  };
  return { exec, requests };
}

const GOOD = '127.0.0.1:5000/corpus/good:1.0.0';
const recorded = (name: string) => {
  const { stdout, stderr, exitCode } = loadFixture(name);
  return { stdout, stderr, exitCode };
};

/** One typed inspection submitted and running: its command never answers until aborted. */
async function runningInspection() {
  const fake = fakeClient(() => undefined);
  const { exec, requests } = port(() => 'hold');
  const { events, handlers } = recorder();
  const { result, unmount } = renderHook(() => useInspectReference(handlers, 'available'), {
    wrapper: providers(fake.client, exec),
  });
  act(() => void result.current.submit(GOOD));
  await waitFor(() => expect(requests).toHaveLength(1));
  return { fake, requests, events, result, unmount };
}

afterEach(cleanup);

describe('useInspectReference', () => {
  it('refuses invalid input with a reason, tells nobody and runs nothing', () => {
    const fake = fakeClient(() => undefined);
    const { exec, requests } = port(() => 'hold');
    const { events, handlers } = recorder();
    const { result } = renderHook(() => useInspectReference(handlers, 'available'), {
      wrapper: providers(fake.client, exec),
    });
    expect(result.current.submit('   ')).toMatch(/Type or paste an image reference/);
    expect(result.current.submit('$(touch /tmp/x)')).toEqual(expect.any(String));
    expect(events).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('adds the trimmed reference as a typed row, marks this extension, and reports its result', async () => {
    const fake = fakeClient(() => undefined, undefined, 'docker.io/library/busybox:latest');
    const { exec, requests } = port(() => recorded('good.imagetools-raw'));
    const { events, handlers } = recorder();
    const { result } = renderHook(() => useInspectReference(handlers, 'available'), {
      wrapper: providers(fake.client, exec),
    });
    act(() => {
      expect(result.current.submit(` ${GOOD}\n`)).toBeUndefined();
      expect(result.current.submit('busybox')).toBeUndefined();
    });
    expect(events.slice(0, 2)).toEqual([
      { kind: 'added', seed: { reference: GOOD, origin: 'typed', isSelf: false } },
      { kind: 'added', seed: { reference: 'busybox', origin: 'typed', isSelf: true } },
    ]);
    await waitFor(() => expect(events.filter((event) => event.kind === 'inspected')).toHaveLength(2));
    const good = events.find(
      (event): event is Extract<Event, { kind: 'inspected' }> => event.kind === 'inspected' && event.reference === GOOD,
    );
    expect(good?.result.verdict).toBe('ready');
    expect(requests[0]?.args).toEqual(['buildx', 'imagetools', 'inspect', GOOD, '--raw']);
  });

  it('raises no toast for a registry failure: the typed row under the field says it', async () => {
    const fake = fakeClient(() => undefined);
    const { exec } = port(() => recorded('error-connection-refused.imagetools-raw'));
    const { events, handlers } = recorder();
    const { result } = renderHook(() => useInspectReference(handlers, 'available'), {
      wrapper: providers(fake.client, exec),
    });
    act(() => void result.current.submit(GOOD));
    await waitFor(() => expect(events.some((event) => event.kind === 'inspected')).toBe(true));
    const ended = events.find((event): event is Extract<Event, { kind: 'inspected' }> => event.kind === 'inspected');
    expect(ended?.result.verdict).toBe('unreachable');
    expect(fake.toasts).toEqual([]);
  });

  it('cancelAll() stops a running inspection: the row ends cancelled, with no toast', async () => {
    const { fake, requests, events, result } = await runningInspection();
    act(() => result.current.cancelAll());
    expect(requests[0]?.signal?.aborted).toBe(true);
    await waitFor(() => expect(events.some((event) => event.kind === 'inspected')).toBe(true));
    const ended = events.find((event): event is Extract<Event, { kind: 'inspected' }> => event.kind === 'inspected');
    expect(ended?.result.failure?.kind).toBe('cancelled');
    expect(fake.toasts).toEqual([]);
  });

  it("remove() stops the row's inspection and reports the removal, never a late result", async () => {
    const { fake, requests, events, result } = await runningInspection();
    act(() => result.current.remove(GOOD));
    expect(requests[0]?.signal?.aborted).toBe(true);
    await act(() => new Promise((settle) => setTimeout(settle, 20)));
    expect(events.map((event) => event.kind)).toEqual(['added', 'removed']);
    expect(fake.toasts).toEqual([]);
  });

  it('leaving (unmount) stops every typed inspection', async () => {
    const { requests, unmount } = await runningInspection();
    unmount();
    expect(requests[0]?.signal?.aborted).toBe(true);
  });
});
