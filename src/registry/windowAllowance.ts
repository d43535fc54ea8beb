/**
 * The zstd window memory one image may hold at once. Every variant of an image is read at the same time,
 * and each zstd frame being decoded holds a buffer as large as its window (up to 128 MiB): so a frame
 * waits until the image's other frames leave room for its window, and the image's windows stay within
 * MAX_ZSTD_WINDOW however many variants it has.
 */
import { MAX_ZSTD_WINDOW } from './zstdFrames.js';

export interface WindowAllowance {
  /** Resolves once `bytes` (at most the allowance) are free and now taken; rejects with the signal's reason. */
  take(bytes: number, signal: AbortSignal): Promise<void>;
  give(bytes: number): void;
  /** Bytes taken now. */
  readonly inUse: number;
}

export function windowAllowance(max = MAX_ZSTD_WINDOW): WindowAllowance {
  let inUse = 0;
  const waiting = new Set<() => void>();
  const wakeAll = (): void => {
    for (const wake of [...waiting]) wake();
  };
  return {
    get inUse() {
      return inUse;
    },
    async take(bytes, signal) {
      const wanted = Math.min(bytes, max);
      while (inUse + wanted > max) {
        if (signal.aborted) throw signal.reason;
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            waiting.delete(wake);
            signal.removeEventListener('abort', wake);
            resolve();
          };
          waiting.add(wake);
          signal.addEventListener('abort', wake, { once: true });
        });
      }
      if (signal.aborted) throw signal.reason;
      inUse += wanted;
    },
    give(bytes) {
      inUse = Math.max(0, inUse - Math.min(bytes, max));
      wakeAll();
    },
  };
}

const perImage = new WeakMap<object, WindowAllowance>();

/** The allowance of the image whose reads share `image` (its byte budget object). */
export function imageWindows(image: object): WindowAllowance {
  let allowance = perImage.get(image);
  if (allowance === undefined) {
    allowance = windowAllowance();
    perImage.set(image, allowance);
  }
  return allowance;
}
