/**
 * The --require gate for one result: what its verdict's `requirement` (core/verdictTable.ts) says, and for
 * published platform lists, whether every required platform is there. Pure; the CLI's exit code
 * (src/cli/exitCode.ts) and the JSON row (jsonRow.ts) read it.
 */
import type { InspectResult, PlatformKey } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

export type RequirementStatus = 'met' | 'missing-platforms' | 'not-published' | 'not-inspected' | 'deep-finding';

export interface RequirementCheck {
  readonly status: RequirementStatus;
  /** Required platforms the image does not publish (all of them when it could not be inspected; a deep finding fails even with none). */
  readonly missing: readonly PlatformKey[];
}

export function checkRequirement(
  result: Pick<InspectResult, 'verdict' | 'platforms'>,
  required: readonly PlatformKey[],
): RequirementCheck {
  const meaning = VERDICT_TABLE[result.verdict].requirement;
  if (meaning === 'not-published' || meaning === 'not-inspected') return { status: meaning, missing: [...required] };
  const missing = required.filter((key) => !result.platforms.includes(key));
  if (meaning === 'deep-finding') return { status: meaning, missing };
  return { status: missing.length === 0 ? 'met' : 'missing-platforms', missing };
}
