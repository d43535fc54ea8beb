/**
 * The row's verdict once the deep check ran: the worse (by the verdict table's rank) of the platform
 * verdict and the deep verdict, with the explanation and fix of the one that wins.
 */
import type { InspectResult, Verdict, VerdictDetail } from '../types.js';
import { updateOrTell } from '../verdict.js';
import { VERDICT_TABLE, verdictRank } from '../verdictTable.js';
import { NOT_CHECKED_INSIDE, type DeepOutcome, type DeepVerdict } from './deepOutcome.js';
import type { DeepCheckResult, DeepParts, DeepStatus } from './deepResult.js';
import { notCheckedInsideDetail } from './notCheckedInside.js';

/** A deep finding is the publisher's to fix (a new build); its user can update or tell the publisher. */
export const DEEP_USER_FIX = updateOrTell('what the deep check found', "the fix is the publisher's");

/**
 * The deep verdict of deep parts: the status decides first, so that an inside that was not read is never taken
 * for one where nothing is wrong (whatever `verdict` a row read back carries).
 */
export function deepVerdictFor(status: DeepStatus, verdict: DeepVerdict | undefined): DeepVerdict | undefined {
  return status === 'not-checked' ? NOT_CHECKED_INSIDE : verdict;
}

/**
 * Does the deep verdict take the row's place? When it ranks worse. An inside not checked replaces only a verdict of
 * a complete platform list: a local-only or not-inspected verdict already says why nothing could be read (and its
 * platform list must keep meaning what it means).
 */
export function deepVerdictWins(platform: Verdict, deep: DeepVerdict | undefined): deep is DeepVerdict {
  if (deep === undefined || verdictRank(platform) <= verdictRank(deep)) return false;
  return deep !== NOT_CHECKED_INSIDE || VERDICT_TABLE[platform].platformList === 'complete';
}

export function combineDeepVerdict(
  platform: VerdictDetail,
  deep: Pick<DeepOutcome, 'explanation' | 'fix'> & { readonly verdict: DeepVerdict | undefined },
): VerdictDetail {
  if (!deepVerdictWins(platform.verdict, deep.verdict)) return platform;
  if (deep.verdict === NOT_CHECKED_INSIDE) return notCheckedInsideDetail(deep.explanation, deep.fix);
  const base = { verdict: deep.verdict, explanation: deep.explanation, userFix: DEEP_USER_FIX };
  return deep.fix === undefined ? base : { ...base, fix: deep.fix, publisherFix: deep.fix };
}

/**
 * A platform result with its deep parts: the verdict (and its explanation and fixes) is the worse of
 * the two, the platform's own verdict stays as platformVerdict. The CLI, the backend and the tab
 * (its badge, filter, counts and exports) all judge a row by this one rule. Deep parts whose inside was
 * not checked carry the verdict that says so, whoever built them.
 */
export function withDeepParts(platform: InspectResult, parts: DeepParts): DeepCheckResult {
  const verdict = deepVerdictFor(parts.status, parts.verdict);
  const deep: DeepParts = verdict === undefined || verdict === parts.verdict ? parts : { ...parts, verdict };
  const combined = combineDeepVerdict(platform, { verdict, explanation: deep.explanation, fix: deep.fix });
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
