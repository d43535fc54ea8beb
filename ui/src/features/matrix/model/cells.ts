import type { PlatformKey, Verdict } from '../../../../../src/core/index.js';
import type { MatrixRow } from './rows';

/** The data-state of a platform cell (a stable test hook). */
export type CellState = 'yes' | 'no' | 'pending' | 'unknown';

/** Verdicts that come with the full list of published platforms: a platform not listed is a "no". */
const PLATFORMS_KNOWN: ReadonlySet<Verdict> = new Set<Verdict>(['ready', 'missing-platforms', 'incompatible', 'unsupported-os']);

/**
 * yes: the image runs on that platform (for local-only: the local store's copy has it);
 * no: the registry's complete list lacks it;
 * unknown: the registry could not tell (not found, unauthorized, unreachable, invalid, error,
 *   or local-only where only the local copy's platform is known);
 * pending: not inspected yet.
 */
export function cellState(row: MatrixRow, key: PlatformKey): CellState {
  const result = row.result;
  if (result === undefined) return 'pending';
  if (result.platforms.includes(key)) return 'yes';
  return PLATFORMS_KNOWN.has(result.verdict) ? 'no' : 'unknown';
}
