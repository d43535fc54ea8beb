import { parseReference } from '@core/index.js';

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
