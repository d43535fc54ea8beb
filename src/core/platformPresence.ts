import type { InspectResult, PlatformKey } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

/**
 * Whether an inspected image runs on a platform, as the matrix shows it:
 * yes: it publishes that platform (for local-only: the local store's copy has it);
 * no: the registry's complete list lacks it (the verdict table says which lists are complete);
 * unknown: nobody could tell (not found, unauthorized, unreachable, invalid, error), or the image
 *   is local-only and only its local copy's platform is known.
 * The tab and the CLI both use this, so they never disagree.
 */
export type PlatformPresence = 'yes' | 'no' | 'unknown';

export function platformPresence(
  result: Pick<InspectResult, 'verdict' | 'platforms'>,
  key: PlatformKey,
): PlatformPresence {
  if (result.platforms.includes(key)) return 'yes';
  return VERDICT_TABLE[result.verdict].platformList === 'complete' ? 'no' : 'unknown';
}
