/** How the registry client makes its requests: the fetch it is given, and the signals of one image's read. */
import { linkedSignal } from '../core/anySignal.js';

export type FetchLike = (input: URL, init: RequestInit) => Promise<Response>;

/** The signals of one image's read: the deadline, and the caller's cancel. */
export interface RequestSignals {
  readonly deadline: AbortSignal;
  readonly cancel?: AbortSignal | undefined;
  /** Both combined; this is what requests are given. */
  readonly signal: AbortSignal;
}

/** `deadline` is a number of milliseconds from now, or a signal shared by every read of one image (AbortSignal.timeout). */
export function requestSignals(
  deadlineIn: number | AbortSignal,
  cancel?: AbortSignal,
): RequestSignals & { readonly dispose: () => void } {
  const deadline = typeof deadlineIn === 'number' ? AbortSignal.timeout(deadlineIn) : deadlineIn;
  if (cancel === undefined) return { deadline, cancel, signal: deadline, dispose: () => undefined };
  // dispose() takes the combined signal's listeners off the caller's cancel once the read is over.
  const linked = linkedSignal([deadline, cancel]);
  return { deadline, cancel, signal: linked.signal, dispose: linked.dispose };
}
