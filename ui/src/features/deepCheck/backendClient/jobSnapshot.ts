/** Shape checks of what the backend answers (it is another process, possibly another version). */
import { isRecord } from '@core/json.js';
import type { DeepItemSnapshot, DeepJobSnapshot, JsonValue } from '@wire/backendApi.js';

const ITEM_STATES: readonly DeepItemSnapshot['state'][] = ['queued', 'running', 'done', 'failed', 'cancelled'];
const JOB_STATES: readonly DeepJobSnapshot['state'][] = ['running', 'done', 'cancelled'];
const CANCEL_REASONS: readonly NonNullable<DeepJobSnapshot['cancelReason']>[] = ['client', 'abandoned', 'shutdown'];

function itemFrom(value: unknown): DeepItemSnapshot | undefined {
  if (!isRecord(value)) return undefined;
  const { reference, canonical, state, progress, result, error } = value;
  const known = ITEM_STATES.find((s) => s === state);
  if (typeof reference !== 'string' || typeof canonical !== 'string' || known === undefined) return undefined;
  const itemError =
    isRecord(error) && typeof error['name'] === 'string' && typeof error['message'] === 'string'
      ? { name: error['name'], message: error['message'] }
      : undefined;
  return {
    reference,
    canonical,
    state: known,
    // Shape-checked where they are read: parseProgress, parseDeepFindings.
    progress: progress as JsonValue | undefined,
    result: result as JsonValue | undefined,
    error: itemError,
  };
}

/** The job snapshot, or undefined when the value does not have its shape. */
export function parseJobSnapshot(value: unknown): DeepJobSnapshot | undefined {
  if (!isRecord(value)) return undefined;
  const { id, state, cancelReason, items, pollAfterMs } = value;
  const known = JOB_STATES.find((s) => s === state);
  if (typeof id !== 'string' || known === undefined || !Array.isArray(items) || typeof pollAfterMs !== 'number')
    return undefined;
  const parsed = items.map(itemFrom);
  if (!parsed.every((item): item is DeepItemSnapshot => item !== undefined)) return undefined;
  return { id, state: known, items: parsed, pollAfterMs, cancelReason: CANCEL_REASONS.find((r) => r === cancelReason) };
}

/** Bytes read so far, from an item's progress ({bytesRead, bytesTotal}); undefined when it says nothing usable. */
export function parseProgress(
  value: unknown,
): { readonly bytesRead: number; readonly bytesTotal?: number } | undefined {
  if (!isRecord(value) || typeof value['bytesRead'] !== 'number' || !Number.isFinite(value['bytesRead']))
    return undefined;
  const total = value['bytesTotal'];
  return {
    bytesRead: value['bytesRead'],
    bytesTotal: typeof total === 'number' && Number.isFinite(total) && total > 0 ? total : undefined,
  };
}
