/**
 * A controllable stand-in for the deep check: each call waits until the test settles it, records
 * the signal it got and can report progress. Lets tests drive concurrency, cancel and timeouts
 * without sleeping.
 */
import type { ImageReference } from '@core/types.js';
import type { DeepCheck, DeepCheckContext } from '@backend/deepCheckPort.js';
import type { JsonValue } from '@wire/backendApi.js';

export interface PendingCheck {
  readonly reference: ImageReference;
  readonly context: DeepCheckContext;
  resolve(value: JsonValue): void;
  reject(error: Error): void;
}

export interface ControlledDeepCheck {
  readonly deepCheck: DeepCheck;
  /** Calls not settled yet, in call order. */
  readonly pending: PendingCheck[];
  /** Every call so far (canonical references). */
  readonly calls: string[];
  /** The most checks that ran at once. */
  maxRunning(): number;
  /** Resolves once `count` calls have started. */
  started(count: number): Promise<void>;
}

/** honourAbort: a check rejects as soon as its signal aborts (a well-behaved reader); false: it ignores it. */
export function controlledDeepCheck(options: { honourAbort?: boolean } = {}): ControlledDeepCheck {
  const pending: PendingCheck[] = [];
  const calls: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let running = 0;
  let most = 0;
  const deepCheck: DeepCheck = (reference, context) =>
    new Promise<JsonValue>((resolve, reject) => {
      calls.push(reference.canonical);
      running += 1;
      most = Math.max(most, running);
      const settle = (): void => {
        running -= 1;
        const i = pending.indexOf(entry);
        if (i >= 0) pending.splice(i, 1);
      };
      const entry: PendingCheck = {
        reference,
        context,
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      pending.push(entry);
      if (options.honourAbort ?? true) {
        context.signal.addEventListener(
          'abort',
          () => entry.reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
          { once: true },
        );
      }
      for (const w of waiters.filter((w) => calls.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  return {
    deepCheck,
    pending,
    calls,
    maxRunning: () => most,
    started: (count) =>
      calls.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
  };
}

/**
 * A deep check that keeps the CPU busy the way a decompression bomb does, but in `sliceMs` slices with
 * the event loop free between them (as a reader that yields does), until its signal aborts. `slices`
 * counts the slices run, across calls.
 */
export function busyDeepCheck(sliceMs = 50): { readonly deepCheck: DeepCheck; slices(): number } {
  let slices = 0;
  const deepCheck: DeepCheck = async (_reference, context) => {
    for (;;) {
      if (context.signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      const until = Date.now() + sliceMs;
      while (Date.now() < until) {
        // busy: nothing else runs in this process meanwhile
      }
      slices += 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return { deepCheck, slices: () => slices };
}
