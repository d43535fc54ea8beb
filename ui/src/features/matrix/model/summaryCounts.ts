import { verdictSeverity } from '@core/index.js';
import { rowVerdict } from './rows';
import type { MatrixRow } from './rows';

/**
 * The counts the summary starts with. Installed extensions only, each reference counted once;
 * typed images are counted apart. (A pure rule: it belongs in the core once issue 9's core summary lands there.)
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
  const installed = new Map<string, MatrixRow>();
  const typed = new Set<string>();
  for (const row of rows) {
    if (row.origin === 'typed') typed.add(row.reference);
    else if (!installed.has(row.reference)) installed.set(row.reference, row);
  }
  let ready = 0;
  let attention = 0;
  let pending = 0;
  for (const row of installed.values()) {
    const verdict = rowVerdict(row);
    if (verdict === 'pending') pending += 1;
    else if (verdict === 'ready') ready += 1;
    else if (verdictSeverity(verdict) === 'warning' || verdictSeverity(verdict) === 'error') attention += 1;
  }
  return { installed: installed.size, ready, attention, pending, typed: typed.size };
}
