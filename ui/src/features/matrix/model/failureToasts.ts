import { worthNotice } from '@core/index.js';
import type { InspectResult } from '@core/index.js';

// Which failure is worth a toast is the core's rule (worthNotice, from the verdict table). A typed image
// gets none: its row, right under the field, says what happened.

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
