/** Abort signals of one engine call: the caller's cancel and a deadline, and which of them fired. */
import { anySignal } from '../core/anySignal.js';
import { engineFailure, type EngineFailure } from './engineFailure.js';

export interface CallSignals {
  /** Aborts when either the deadline or the caller's cancel does. */
  readonly signal: AbortSignal;
  /** Why the call was aborted: the deadline wins when both fired. */
  readonly abortFailure: () => EngineFailure;
}

export function callSignals(deadline: AbortSignal, cancel: AbortSignal | undefined, what: string): CallSignals {
  return {
    signal: cancel === undefined ? deadline : anySignal([deadline, cancel]),
    abortFailure: () =>
      deadline.aborted
        ? engineFailure('timeout', `the engine did not finish ${what} before the deadline`)
        : engineFailure('cancelled', `${what} was cancelled`),
  };
}
