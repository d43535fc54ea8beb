/** Abort signals of one engine call: the caller's cancel and a deadline, and which of them fired. */
import { linkedSignal } from '../core/anySignal.js';
import { engineFailure, type EngineFailure } from './engineFailure.js';

export interface CallSignals {
  /** Aborts when either the deadline or the caller's cancel does. */
  readonly signal: AbortSignal;
  /** Why the call was aborted: the deadline wins when both fired. */
  readonly abortFailure: () => EngineFailure;
  /** Takes the combined signal's listeners off the caller's cancel once the call (and its body) is over. */
  readonly dispose: () => void;
}

export function callSignals(deadline: AbortSignal, cancel: AbortSignal | undefined, what: string): CallSignals {
  const linked = cancel === undefined ? undefined : linkedSignal([deadline, cancel]);
  return {
    signal: linked?.signal ?? deadline,
    dispose: () => linked?.dispose(),
    abortFailure: () =>
      deadline.aborted
        ? engineFailure('timeout', `the engine did not finish ${what} before the deadline`)
        : engineFailure('cancelled', `${what} was cancelled`),
  };
}
