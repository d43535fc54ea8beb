/**
 * THE order of the matrix's rows, for the tab and the CLI (one home): worst verdict first (the verdict
 * table's rank), rows not inspected yet last, then by name (the extension's title label, else the
 * reference), then by reference. Pure.
 */
import { extensionInfo } from './labels.js';
import { verdictRank, type Verdict } from './verdictTable.js';

/** A row's verdict, or 'pending' while it has not been inspected. */
export type RowVerdict = Verdict | 'pending';

export interface RowOrderKey {
  readonly verdict: RowVerdict;
  /** What people read first: the title label when the image has one, else the reference. */
  readonly name: string;
  readonly reference: string;
}

/** Pending rows go after every verdict (the table's ranks are below 1000). */
const PENDING_RANK = 1000;

/** The name a row is shown and sorted by: its title label (trimmed, non-empty), else the reference. */
export function rowName(reference: string, labels?: Record<string, string>): string {
  return extensionInfo(labels).title ?? reference;
}

export function rowOrderKey(verdict: RowVerdict, reference: string, labels?: Record<string, string>): RowOrderKey {
  return { verdict, name: rowName(reference, labels), reference };
}

export function rowRank(verdict: RowVerdict): number {
  return verdict === 'pending' ? PENDING_RANK : verdictRank(verdict);
}

export function compareRowNames(a: RowOrderKey, b: RowOrderKey): number {
  return a.name.localeCompare(b.name) || a.reference.localeCompare(b.reference);
}

/** The matrix's default order: worst verdict first, then by name. */
export function compareRows(a: RowOrderKey, b: RowOrderKey): number {
  return rowRank(a.verdict) - rowRank(b.verdict) || compareRowNames(a, b);
}
