import type { JsonValue } from '../wire/backendApi.js';

/** A JSON-only copy of what a deep check handed over, or undefined when it is not JSON (a cycle, a BigInt). */
export function jsonCopy(value: unknown): JsonValue | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
  } catch {
    return undefined;
  }
}
