import type { InspectResult, LocalImage } from '@core/index.js';

/** pending: never inspected yet; refreshing: a remembered result is shown while a new one runs; done. */
export type RowStatus = 'pending' | 'refreshing' | 'done';

/** Where a row comes from: the engine's extension images, or a reference the user typed. */
export type RowOrigin = 'installed' | 'typed';

/** What a row is before it is inspected. */
export interface RowSeed {
  /** As listed by the engine (or as typed): untrusted text, shown as text only. */
  readonly reference: string;
  readonly origin: RowOrigin;
  /** This extension's own image (ddClient.extension.image). */
  readonly isSelf: boolean;
  /** The engine's image (labels, local platform) when the row comes from the local store. */
  readonly local?: LocalImage;
}

export interface MatrixRow extends RowSeed {
  readonly status: RowStatus;
  readonly result?: InspectResult;
}

export function pendingRow(seed: RowSeed, previous?: MatrixRow): MatrixRow {
  const result = previous?.result;
  return result === undefined ? { ...seed, status: 'pending' } : { ...seed, status: 'refreshing', result };
}

/** A cancelled inspection does not replace a result we already had. */
export function withResult(row: MatrixRow, result: InspectResult): MatrixRow {
  if (result.failure?.kind === 'cancelled' && row.result !== undefined) return { ...row, status: 'done' };
  return { ...row, status: 'done', result };
}

/** The verdict shown for a row: the core verdict, or "pending" while nothing is known. */
export function rowVerdict(row: MatrixRow): InspectResult['verdict'] | 'pending' {
  return row.result?.verdict ?? 'pending';
}
