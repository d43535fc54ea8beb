/**
 * The run queue of the deep-check jobs: items of every job share one p-limit queue (bounded
 * concurrency across all callers). Each item's check gets its own AbortSignal, aborted when its job
 * is cancelled or by its deadline (itemTimeoutMs); an item whose check ignores the signal is
 * settled anyway and frees its slot. Whatever the check does (returns, throws, rejects, hangs,
 * returns something that is not JSON), the item ends done, failed or cancelled: never a crash.
 */
import pLimit from 'p-limit';
import type { ItemError, JsonValue } from '../wire/backendApi.js';
import type { DeepCheck } from './deepCheckPort.js';
import type { Job, JobItem } from './jobRecords.js';
import { jsonCopy } from './jsonCopy.js';

export interface RunQueueOptions {
  readonly deepCheck: DeepCheck;
  /** Checks running at once, across all jobs. */
  readonly concurrency: number;
  /** Each check's deadline: past it the item fails with 'timeout'. */
  readonly itemTimeoutMs: number;
}

/** Queues the item's check; resolves (never rejects) once the item is settled. */
export type RunQueue = (job: Job, item: JobItem) => Promise<void>;

class ItemTimeout extends Error {
  override readonly name = 'timeout';
}

/** Resolves (never rejects) when the signal aborts. */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function describeThrown(error: unknown): ItemError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message.slice(0, 2000) };
  return { name: 'Error', message: String(error).slice(0, 2000) };
}

async function runItem(job: Job, item: JobItem, options: RunQueueOptions): Promise<void> {
  if (job.controller.signal.aborted) {
    item.state = 'cancelled';
    return;
  }
  item.state = 'running';
  const own = new AbortController();
  const onJobAbort = (): void => own.abort(job.controller.signal.reason);
  job.controller.signal.addEventListener('abort', onJobAbort, { once: true });
  const timer = setTimeout(() => {
    own.abort(
      new ItemTimeout(
        `The deep check of ${item.request.parsed.canonical} took longer than ${Math.round(options.itemTimeoutMs / 1000)} s and was stopped.`,
      ),
    );
  }, options.itemTimeoutMs);
  const onProgress = (progress: JsonValue): void => {
    if (item.state !== 'running') return;
    const copy = jsonCopy(progress);
    if (copy !== undefined) item.progress = copy;
  };
  try {
    const outcome = await Promise.race([
      // async: a deep check that throws before returning a promise is a failed item, not a crash.
      (async () =>
        options.deepCheck(item.request.parsed, { signal: own.signal, onProgress, read: item.request.read }))().then(
        (value) => ({ kind: 'value' as const, value }),
        (error: unknown) => ({ kind: 'thrown' as const, error }),
      ),
      whenAborted(own.signal).then(() => ({ kind: 'aborted' as const })),
    ]);
    if (own.signal.aborted) {
      const reason: unknown = own.signal.reason;
      if (reason instanceof ItemTimeout) {
        item.state = 'failed';
        item.error = { name: reason.name, message: reason.message };
      } else {
        item.state = 'cancelled';
      }
    } else if (outcome.kind === 'value') {
      const result = jsonCopy(outcome.value);
      if (result === undefined) {
        item.state = 'failed';
        item.error = { name: 'bad-result', message: 'The deep check returned something that is not JSON.' };
      } else {
        item.state = 'done';
        item.result = result;
      }
    } else {
      item.state = 'failed';
      item.error = describeThrown(outcome.kind === 'thrown' ? outcome.error : undefined);
    }
  } finally {
    clearTimeout(timer);
    job.controller.signal.removeEventListener('abort', onJobAbort);
  }
}

export function createRunQueue(options: RunQueueOptions): RunQueue {
  const limit = pLimit(options.concurrency);
  return (job, item) => limit(() => runItem(job, item, options));
}
