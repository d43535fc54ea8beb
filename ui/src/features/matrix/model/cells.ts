import { platformPresence } from '@core/index.js';
import type { PlatformKey } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

/** The data-state of a platform cell (a stable test hook). */
export type CellState = 'yes' | 'no' | 'pending' | 'unknown';

/**
 * yes / no / unknown as the core's platformPresence says (the CLI uses the same rule);
 * pending: not inspected yet.
 */
export function cellState(row: MatrixRow, key: PlatformKey): CellState {
  const result = row.result;
  if (result === undefined) return 'pending';
  return platformPresence(result, key);
}
