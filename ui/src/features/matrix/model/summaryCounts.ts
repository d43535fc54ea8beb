import { needsAttention, summariseMatrix } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

/**
 * The counts the summary links show, from the core's summary (summariseMatrix: each image once by its
 * canonical reference; typed images apart), over all rows, whatever the filter.
 */
export interface SummaryCounts {
  /** Installed extension images (distinct references). */
  readonly installed: number;
  /** Of those, verdict Ready. */
  readonly ready: number;
  /** Of those, a warning or error verdict (the "Needs attention" filter). */
  readonly attention: number;
  /** Of those, not inspected yet. */
  readonly pending: number;
  /** Typed images (distinct references), not part of the counts above. */
  readonly typed: number;
}

export function summaryCounts(rows: readonly MatrixRow[]): SummaryCounts {
  const { installed, typed } = summariseMatrix(rows);
  const attention = installed.counts.filter((c) => needsAttention(c.verdict)).reduce((sum, c) => sum + c.count, 0);
  return {
    installed: installed.total,
    ready: installed.ready,
    attention,
    pending: installed.pending,
    typed: typed.total,
  };
}
