/**
 * A signal that aborts when any of `signals` does. Not AbortSignal.any: on Node 20 a signal made by
 * it could be collected while a request still waited on it, so neither the deadline nor a stop reached
 * the request (seen on a 14 MiB zstd layer). Here the listeners hold the controller strongly.
 * (AbortController is a global of Node and browsers alike: no I/O.)
 */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /**
   * Takes its listeners off `signals`: a long-lived signal (the CLI's one cancel, a job's) shared by many
   * short reads would otherwise keep one listener per read until it aborts. Also done when it aborts.
   */
  dispose(): void;
}

export function linkedSignal(signals: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const fired = signals.find((s) => s.aborted);
  if (fired !== undefined) {
    controller.abort(fired.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listeners = signals.map((s) => {
    const onAbort = (): void => {
      controller.abort(s.reason);
      dispose();
    };
    s.addEventListener('abort', onAbort, { once: true });
    return { s, onAbort };
  });
  function dispose(): void {
    for (const { s, onAbort } of listeners) s.removeEventListener('abort', onAbort);
  }
  return { signal: controller.signal, dispose };
}

/** linkedSignal for a read that lives as long as its signals do (its listeners go when it aborts). */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  return linkedSignal(signals).signal;
}
