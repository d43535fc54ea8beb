/**
 * --json: one object per image, in input order, as the core's JSON row (src/core/jsonRow.ts), each with the
 * answer for this machine (`thisMachine`). Pure.
 */
import type { InspectResult, PlatformKey, ThisMachine } from '../core/index.js';
import { toJsonText } from '../core/index.js';

export function renderJson(
  results: readonly InspectResult[],
  required: readonly PlatformKey[],
  machine: ThisMachine = {},
): string {
  return toJsonText(results, required, machine);
}
