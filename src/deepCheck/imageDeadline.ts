/**
 * The per-image deadline of the deep check. Every read of the image (each variant, each layer, the
 * backend images, several at once) listens on it and takes its listener off when it ends: a few dozen at
 * a time is expected, not a leak, so Node's MaxListenersExceededWarning past 10 would only be noise.
 * (node:events' setMaxListeners only raises that warning's threshold: no I/O.)
 */
import { setMaxListeners } from 'node:events';

export function imageDeadline(ms: number): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  setMaxListeners(256, deadline);
  return deadline;
}
