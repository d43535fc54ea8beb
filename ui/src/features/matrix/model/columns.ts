import { RECOMMENDED_PLATFORMS } from '@core/index.js';
import type { PlatformKey } from '@core/index.js';

/**
 * A platform someone needs: linux/amd64 and linux/arm64 (every Docker Desktop host family) and this
 * machine's platform. A missing required platform is a problem (red); any other is just "not published".
 */
export function isRequiredPlatform(key: PlatformKey, hostKey: PlatformKey | undefined): boolean {
  return RECOMMENDED_PLATFORMS.includes(key) || key === hostKey;
}

export interface ColumnLayout {
  /** The platform columns on screen: the required ones always, the optional ones unless folded. */
  readonly shown: readonly PlatformKey[];
  /** The optional columns folded away (empty when unfolded or when there are none). */
  readonly folded: readonly PlatformKey[];
  /** Every optional column, folded or not (what the fold toggle counts). */
  readonly optional: readonly PlatformKey[];
}

/** Which platform columns to show; the order of `columns` is kept. */
export function columnLayout(
  columns: readonly PlatformKey[],
  hostKey: PlatformKey | undefined,
  showOptional: boolean,
): ColumnLayout {
  const optional = columns.filter((key) => !isRequiredPlatform(key, hostKey));
  const shown = showOptional ? columns : columns.filter((key) => isRequiredPlatform(key, hostKey));
  return { shown, folded: showOptional ? [] : optional, optional };
}
