/** --json: one object per image, in input order, as the core's JSON row (src/core/jsonRow.ts). Pure. */
import type { InspectResult, PlatformKey } from '../core/index.js';
import { toJsonText } from '../core/index.js';

export function renderJson(results: readonly InspectResult[], required: readonly PlatformKey[]): string {
  return toJsonText(results, required);
}
