import type { InspectResult, PlatformKey, Verdict } from './types.js';

/**
 * Whether an inspected image runs on a platform, as the matrix shows it:
 * yes: it publishes that platform (for local-only: the local store's copy has it);
 * no: the registry's complete list lacks it;
 * unknown: nobody could tell (not found, unauthorized, unreachable, invalid, error), or the image
 *   is local-only and only its local copy's platform is known.
 * The tab and the CLI both use this, so they never disagree.
 */
export type PlatformPresence = 'yes' | 'no' | 'unknown';

/** Verdicts that come with the full list of published platforms. */
const COMPLETE_LIST: ReadonlySet<Verdict> = new Set<Verdict>(['ready', 'missing-platforms', 'incompatible', 'unsupported-os']);

export function platformPresence(result: Pick<InspectResult, 'verdict' | 'platforms'>, key: PlatformKey): PlatformPresence {
  if (result.platforms.includes(key)) return 'yes';
  return COMPLETE_LIST.has(result.verdict) ? 'no' : 'unknown';
}
