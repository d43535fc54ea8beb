/**
 * The words beside the summary's count links: what the links do not say already, over all rows
 * (never only the filtered ones), and what the active filter shows. Pure.
 */
import type { MatrixSummary } from '@core/index.js';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * While rows are being checked: "3 of 7 checked so far" (the links count the settled rows). Once all
 * have settled, the counts the links do not say: "1 will not install on this machine (linux/amd64),
 * 1 local only · 1 typed image: 0 of 1 ready; 1 not found". The words change once at the end, not
 * with every verdict, so the line holds still while checks run.
 */
export function summarySentence(summary: MatrixSummary): string {
  const { installed, typed } = summary;
  if (installed.pending > 0) return `${installed.total - installed.pending} of ${installed.total} checked so far`;
  const parts: string[] = [];
  const others = installed.counts.filter((count) => count.verdict !== 'ready').map((count) => count.text);
  if (others.length > 0) parts.push(others.join(', '));
  if (typed.total > 0) parts.push(`${plural(typed.total, 'typed image', 'typed images')}: ${typed.text}`);
  return parts.length === 0 ? 'Nothing needs attention.' : parts.join(' · ');
}

/** "Showing 3 of 7": rows the filters keep of all rows. */
export const showingText = (shown: number, total: number): string => `Showing ${shown} of ${total}`;

/** The empty table under a filter that keeps nothing: says so, never that nothing is installed. */
export const emptyFilterText = (total: number): string =>
  `No extension matches the filters (${plural(total, 'row', 'rows')} in all).`;
