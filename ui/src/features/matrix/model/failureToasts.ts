import { worthNotice } from '@core/index.js';
import type { InspectResult } from '@core/index.js';

// Which failure is worth a toast is the core's rule (worthNotice, from the verdict table): one rule for
// installed and typed images; only the words differ.

/** The one toast after a run of the installed extensions, when some images could not be inspected for now. */
export function transientSummary(results: readonly InspectResult[]): string | undefined {
  const failed = results.filter(worthNotice);
  if (failed.length === 0) return undefined;
  const names = failed
    .slice(0, 3)
    .map((result) => result.reference)
    .join(', ');
  const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
  return `${failed.length} of ${results.length} images could not be inspected (${names}${more}). Refresh to try again.`;
}

/** The toast for a typed image whose inspection failed in a way a retry may fix. */
export function typedFailureToast(reference: string, result: InspectResult): string | undefined {
  if (!worthNotice(result)) return undefined;
  return `${reference}: ${result.explanation}`;
}
