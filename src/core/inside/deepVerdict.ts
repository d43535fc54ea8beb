/**
 * The row's verdict once the deep check ran: the worse (by the verdict table's rank) of the platform
 * verdict and the deep verdict, with the explanation and fix of the one that wins.
 */
import type { InspectResult, VerdictDetail } from '../types.js';
import { updateOrTell } from '../verdict.js';
import { verdictRank } from '../verdictTable.js';
import type { DeepOutcome } from './deepOutcome.js';
import type { DeepCheckResult, DeepParts } from './deepResult.js';

/** A deep finding is the publisher's to fix (a new build); its user can update or tell the publisher. */
export const DEEP_USER_FIX = updateOrTell('what the deep check found', "the fix is the publisher's");

export function combineDeepVerdict(
  platform: VerdictDetail,
  deep: Pick<DeepOutcome, 'verdict' | 'explanation' | 'fix'>,
): VerdictDetail {
  if (deep.verdict === undefined || verdictRank(platform.verdict) <= verdictRank(deep.verdict)) return platform;
  const base = { verdict: deep.verdict, explanation: deep.explanation, userFix: DEEP_USER_FIX };
  return deep.fix === undefined ? base : { ...base, fix: deep.fix, publisherFix: deep.fix };
}

/**
 * A platform result with its deep parts: the verdict (and its explanation and fixes) is the worse of
 * the two, the platform's own verdict stays as platformVerdict. The CLI, the backend and the tab
 * (its badge, filter, counts and exports) all judge a row by this one rule.
 */
export function withDeepParts(platform: InspectResult, deep: DeepParts): DeepCheckResult {
  const combined = combineDeepVerdict(platform, {
    verdict: deep.verdict,
    explanation: deep.explanation,
    fix: deep.fix,
  });
  // The fixes go with the verdict that wins: none of the platform verdict's may stay behind.
  return {
    ...platform,
    verdict: combined.verdict,
    explanation: combined.explanation,
    fix: combined.fix,
    userFix: combined.userFix,
    publisherFix: combined.publisherFix,
    platformVerdict: platform.verdict,
    deep,
  };
}
