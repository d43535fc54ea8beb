import { parseReference } from '../../../../../src/core/index.js';

/** Whether two references name the same image (compared in canonical form when both are valid). */
export function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  const left = parseReference(a);
  const right = parseReference(b);
  return left.ok && right.ok && left.value.canonical === right.value.canonical;
}
