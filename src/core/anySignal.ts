/**
 * A signal that aborts when any of `signals` does. Not AbortSignal.any: on Node 20 a signal made by
 * it could be collected while a request still waited on it, so neither the deadline nor a stop reached
 * the request (seen on a 14 MiB zstd layer). Here the listeners hold the controller strongly.
 * (AbortController is a global of Node and browsers alike: no I/O.)
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      return controller.signal;
    }
  }
  for (const s of signals) s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  return controller.signal;
}
