/**
 * The --require gate for one result: what its verdict's `requirement` (core/verdictTable.ts) says, and for
 * published platform lists, whether every required platform is there; with --deep, whether the deep check
 * could judge the inside of every variant. Pure; the CLI's exit code (src/cli/exitCode.ts) and the JSON row
 * (jsonRow.ts) read it.
 */
import type { DeepParts } from './inside/deepResult.js';
import type { InspectResult, PlatformKey } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

/**
 * 'deep-not-checked': every required platform is published, but the deep check (--deep) could not judge the inside
 * of some variant (a metadata.json it could not read, the deadline, a cancel): the gate cannot say it holds.
 */
export type RequirementStatus =
  'met' | 'missing-platforms' | 'not-published' | 'not-inspected' | 'deep-finding' | 'deep-not-checked';

export interface RequirementCheck {
  readonly status: RequirementStatus;
  /** Required platforms the image does not publish (all of them when it could not be inspected; a deep finding fails even with none). */
  readonly missing: readonly PlatformKey[];
}

/** What the gate reads of a result: its verdict and platforms, and the deep check's status when it ran. */
export type RequirementInput = Pick<InspectResult, 'verdict' | 'platforms'> & {
  readonly deep?: Pick<DeepParts, 'status'>;
};

export function checkRequirement(result: RequirementInput, required: readonly PlatformKey[]): RequirementCheck {
  const meaning = VERDICT_TABLE[result.verdict].requirement;
  if (meaning === 'not-published' || meaning === 'not-inspected') return { status: meaning, missing: [...required] };
  const missing = required.filter((key) => !result.platforms.includes(key));
  if (meaning === 'deep-finding') return { status: meaning, missing };
  if (missing.length > 0) return { status: 'missing-platforms', missing };
  // The verdict says so, or (for a platform verdict that kept the row) the deep parts do.
  const notChecked = meaning === 'deep-not-checked' || result.deep?.status === 'not-checked';
  return { status: notChecked ? 'deep-not-checked' : 'met', missing };
}
