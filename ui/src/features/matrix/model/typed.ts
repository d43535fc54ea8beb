import { parseReference, sameImage } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

export type Validation =
  { readonly ok: true; readonly reference: string } | { readonly ok: false; readonly reason: string };

/** Check typed text without running anything: surrounding whitespace is dropped, the rest must be a valid reference. */
export function validateTyped(input: string): Validation {
  const reference = input.trim();
  if (reference === '')
    return { ok: false, reason: 'Type or paste an image reference, e.g. docker/desktop-extension:1.0.0' };
  const parsed = parseReference(reference);
  return parsed.ok ? { ok: true, reference } : { ok: false, reason: parsed.error.reason };
}

/**
 * The installed row of the image a typed reference names (any spelling docker accepts: familiar,
 * docker.io/..., with or without :latest), if there is one: it is highlighted instead of being added twice.
 */
export function installedRowOf(reference: string, rows: readonly MatrixRow[]): MatrixRow | undefined {
  return rows.find((row) => row.origin === 'installed' && sameImage(row.reference, reference));
}
