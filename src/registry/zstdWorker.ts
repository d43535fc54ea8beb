/**
 * fzstd in a worker thread. fzstd keeps a zstd frame's whole window in one buffer that it allocates at the
 * frame's start and shifts on every block: with a large window (zstd allows 128 MiB by default) the first
 * block takes most of a second and every later one tens of milliseconds, all in one synchronous call. In
 * a worker that time never holds the event loop of the CLI or the backend, and a deadline or cancel ends
 * the decoding at once by terminating the worker, even inside a block. Still pure JavaScript (node's
 * worker_threads and fzstd): both image variants run the same code.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's program (CommonJS, given as text so it needs no file of its own next to the built code). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Decompress } = require(workerData.fzstd);
let out = [];
let ended = false;
const decoder = new Decompress((chunk, final) => {
  if (chunk.length > 0) out.push(chunk);
  if (final) ended = true;
});
parentPort.on('message', (message) => {
  try {
    for (const unit of message.units) decoder.push(unit, false);
    if (message.final) decoder.push(new Uint8Array(0), true);
    const decoded = out;
    out = [];
    parentPort.postMessage({ ok: true, decoded, ended });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
`;

type Answer =
  | { readonly ok: true; readonly decoded: Uint8Array[]; readonly ended: boolean }
  | { readonly ok: false; readonly message: string };

export interface ZstdWorker {
  /**
   * Hands whole frame headers, blocks and checksums to the decoder (`final` after the last one) and
   * resolves to what they decoded, and whether the decoder saw the stream's end. Rejects with the
   * decoder's error (a corrupt stream) or the signal's reason.
   */
  decode(
    units: readonly Uint8Array[],
    final: boolean,
    signal: AbortSignal,
  ): Promise<Omit<Extract<Answer, { ok: true }>, 'ok'>>;
  /** Ends the worker (and frees its window). */
  close(): Promise<void>;
}

let fzstdPath: string | undefined;

export function zstdWorker(): ZstdWorker {
  fzstdPath ??= createRequire(import.meta.url).resolve('fzstd');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fzstd: fzstdPath } });
  worker.unref();
  let closed = false;
  return {
    decode(units, final, signal) {
      return new Promise((resolve, reject) => {
        const done = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          signal.removeEventListener('abort', onAbort);
        };
        const onMessage = (answer: Answer): void => {
          done();
          if (answer.ok) resolve({ decoded: answer.decoded, ended: answer.ended });
          else reject(new Error(answer.message));
        };
        const onError = (e: unknown): void => {
          done();
          reject(e instanceof Error ? e : new Error(String(e)));
        };
        const onExit = (): void => {
          done();
          reject(new Error('the zstd decoder stopped'));
        };
        const onAbort = (): void => {
          done();
          void worker.terminate();
          reject(signal.reason);
        };
        if (signal.aborted) return onAbort();
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        signal.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ units, final });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
