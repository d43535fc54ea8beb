/**
 * The row's verdict once the deep check ran: the worse (by the verdict table's rank) of the platform
 * verdict and the deep verdict, with the explanation and fix of the one that wins.
 */
import type { VerdictDetail } from '../types.js';
import { verdictRank } from '../verdictTable.js';
import type { DeepOutcome } from './deepOutcome.js';

export function combineDeepVerdict(platform: VerdictDetail, deep: Pick<DeepOutcome, 'verdict' | 'explanation' | 'fix'>): VerdictDetail {
  if (deep.verdict === undefined || verdictRank(platform.verdict) <= verdictRank(deep.verdict)) return platform;
  return deep.fix === undefined ? { verdict: deep.verdict, explanation: deep.explanation } : { verdict: deep.verdict, explanation: deep.explanation, fix: deep.fix };
}
