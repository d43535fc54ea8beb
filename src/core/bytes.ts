/** Byte counts for people. */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "512 B", "1.0 KiB", "14.9 MiB", "1.25 GiB": binary units, as docker and registries count. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024)
    return `${Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0))} B`;
  let value = bytes / 1024;
  let unit = 0;
  for (; value >= 1024 && unit < UNITS.length - 1; unit += 1) value /= 1024;
  return `${value.toFixed(unit >= 2 ? 2 : 1)} ${UNITS[unit] ?? 'TiB'}`;
}
