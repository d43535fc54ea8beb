/**
 * Which rows the summary counts: only settled ones, so its counts never go back and forth while
 * checks run ("0 of 7 ready" -> 3 -> 4 -> 3 when a ready row's deep check turns it red). Pure.
 */
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowState } from '../../deepCheck/model/deepRow';

/**
 * A row is settled when its platform result is in and its deep check is no longer waiting or
 * running (done, skipped, failed, stopped, or not possible here). A row whose deep state has not
 * been set yet (the queue hears of a new result just after it lands) is not settled either.
 */
export function isSettled(row: MatrixRow, deep: DeepRowState | undefined): boolean {
  return (
    row.status === 'done' &&
    row.result !== undefined &&
    deep !== undefined &&
    deep.kind !== 'waiting' &&
    deep.kind !== 'running'
  );
}

export interface CountedRows {
  /** Each row as the summary counts it: as it is when settled, else as it last settled, else without a result. */
  readonly rows: readonly MatrixRow[];
  /** Rows settled now (the progress of this run). */
  readonly settled: number;
  /** Each row's last settled form, by row key: what `rows` falls back to while a row is checked again. */
  readonly memory: ReadonlyMap<string, MatrixRow>;
}

/**
 * The rows the summary counts. A row checked again (Refresh) keeps counting as it last settled
 * until its new check settles, so the counts hold still during a refresh as well.
 */
export function countedRows(
  rows: readonly MatrixRow[],
  stateOf: (row: MatrixRow) => DeepRowState | undefined,
  memory: ReadonlyMap<string, MatrixRow> = new Map(),
): CountedRows {
  const next = new Map<string, MatrixRow>();
  let settled = 0;
  const counted = rows.map((row): MatrixRow => {
    const key = rowKey(row);
    if (isSettled(row, stateOf(row))) {
      settled += 1;
      next.set(key, row);
      return row;
    }
    const before = memory.get(key);
    if (before !== undefined) next.set(key, before);
    return before ?? { ...row, status: row.result === undefined ? row.status : 'pending', result: undefined };
  });
  return { rows: counted, settled, memory: next };
}
