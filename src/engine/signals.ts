/** Abort signals of one engine call: the caller's cancel and a deadline, and which of them fired. */
import { engineFailure, type EngineFailure } from './engineFailure.js';

export interface CallSignals {
  /** Aborts when either the deadline or the caller's cancel does. */
  readonly signal: AbortSignal;
  /** Why the call was aborted: the deadline wins when both fired. */
  readonly abortFailure: () => EngineFailure;
}

/**
 * A signal that aborts when any of `signals` does. Not AbortSignal.any: on Node 20 a signal made by it
 * could be collected while a request still waited on it; here the listeners hold the controller strongly.
 */
function eitherSignal(signals: readonly AbortSignal[]): AbortSignal {
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

export function callSignals(deadline: AbortSignal, cancel: AbortSignal | undefined, what: string): CallSignals {
  return {
    signal: cancel === undefined ? deadline : eitherSignal([deadline, cancel]),
    abortFailure: () =>
      deadline.aborted
        ? engineFailure('timeout', `the engine did not finish ${what} before the deadline`)
        : engineFailure('cancelled', `${what} was cancelled`),
  };
}
