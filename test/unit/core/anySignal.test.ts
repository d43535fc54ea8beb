/** linkedSignal: aborts with the first of its signals, and leaves no listener behind on a long-lived one. */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { anySignal, linkedSignal } from '@core/anySignal.js';

describe('linkedSignal', () => {
  it('aborts when any of its signals does, with that reason', () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkedSignal([a.signal, b.signal]);
    b.abort('stop');
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe('stop');
  });

  it('is aborted at once when one of its signals already is', () => {
    const a = new AbortController();
    a.abort('early');
    expect(anySignal([new AbortController().signal, a.signal]).reason).toBe('early');
  });

  it('dispose() takes its listeners off a long-lived signal: no leak, and a later abort no longer reaches it', () => {
    const cancel = new AbortController();
    const reads = Array.from({ length: 20 }, () => linkedSignal([cancel.signal, new AbortController().signal]));
    expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(20);
    for (const r of reads) r.dispose();
    expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0);
    cancel.abort();
    expect(reads.some((r) => r.signal.aborted)).toBe(false);
  });

  it('once aborted, it leaves no listener on the others either', () => {
    const cancel = new AbortController();
    const deadline = new AbortController();
    linkedSignal([cancel.signal, deadline.signal]);
    deadline.abort();
    expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0);
  });
});
