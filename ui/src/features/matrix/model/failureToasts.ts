import type { InspectResult } from '../../../../../src/core/index.js';

/** Failures worth a toast after a run: they may go away on refresh (unlike not-found or unauthorized, which are verdicts). */
const TRANSIENT: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'rate-limited', 'error']);

/** The one toast after a run of the installed extensions, when some images could not be inspected for now. */
export function transientSummary(results: readonly InspectResult[]): string | undefined {
  const failed = results.filter((result) => result.failure !== undefined && result.source !== 'local-store' && TRANSIENT.has(result.failure.kind));
  if (failed.length === 0) return undefined;
  const names = failed.slice(0, 3).map((result) => result.reference).join(', ');
  const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
  return `${failed.length} of ${results.length} images could not be inspected (${names}${more}). Refresh to try again.`;
}

/** The toast for a typed image whose inspection failed (not when cancelled, nor when the local store answered). */
export function typedFailureToast(reference: string, result: InspectResult): string | undefined {
  if (result.failure === undefined || result.source === 'local-store' || result.failure.kind === 'cancelled') return undefined;
  return `${reference}: ${result.explanation}`;
}
