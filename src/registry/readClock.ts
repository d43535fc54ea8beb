/**
 * The clock of one image's read: its deadline and the caller's cancel, checked between small pieces of
 * work, and turns given back to the event loop. Decompression and the tar walk can run for a long time on
 * bytes already in memory (the cache, a bomb) with nothing but promise callbacks in between, which never let
 * a timer, an abort or another request run; so every piece of work asks the clock, and once the current
 * slice has run `sliceMs`, the work waits for a macrotask (setImmediate) before it goes on.
 */

/** How long one slice of synchronous work may run before the event loop gets a turn. */
export const SLICE_MS = 20;

export interface ReadClock {
  /** The read's deadline and cancel, combined. */
  readonly signal: AbortSignal;
  /** Throws the abort reason once the deadline or cancel fired; waits for a macrotask when the slice ran out. */
  checkpoint(): Promise<void>;
  /** Runs `then` now, or after a macrotask when the slice ran out (for callback-driven work such as tar entries). */
  continueWith(then: () => void): void;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function readClock(signal: AbortSignal, sliceMs = SLICE_MS): ReadClock {
  let sliceStart = performance.now();
  const due = (): boolean => performance.now() - sliceStart >= sliceMs;
  return {
    signal,
    async checkpoint() {
      if (signal.aborted) throw signal.reason;
      if (!due()) return;
      await macrotask();
      sliceStart = performance.now();
      if (signal.aborted) throw signal.reason;
    },
    continueWith(then) {
      if (!due()) return then();
      setImmediate(() => {
        sliceStart = performance.now();
        then();
      });
    },
  };
}
