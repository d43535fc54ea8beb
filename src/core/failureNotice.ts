/**
 * Which finished results deserve a transient notice (a toast) in the tab: a rule of the verdict table
 * applied to a whole result, so it lives beside the result's types rather than inside the table.
 */
import type { FailureKind, InspectResult } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

/** Failure kinds that say nothing new after a retry: the user cancelled, or buildx is missing (a banner says so). */
const NO_NOTICE: ReadonlySet<FailureKind> = new Set<FailureKind>(['cancelled', 'tool-missing']);

/**
 * Whether a finished result deserves a transient notice (a toast): its verdict is worth one, the registry
 * failed (not answered from the local store), and a retry may change the outcome.
 */
export function worthNotice(result: Pick<InspectResult, 'verdict' | 'source' | 'failure'>): boolean {
  return (
    VERDICT_TABLE[result.verdict].toast &&
    result.source !== 'local-store' &&
    result.failure !== undefined &&
    !NO_NOTICE.has(result.failure.kind)
  );
}
