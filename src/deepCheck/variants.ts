/** The runnable linux variants of an image, from its platform check's index (attestations are never variants). */
import type { InspectResult, PlatformKey } from '../core/index.js';

export interface Variant {
  /** Normalised, e.g. "linux/arm64". */
  readonly platform: PlatformKey;
  /** The variant's manifest digest. */
  readonly digest: string;
}

/** Every linux entry of the index, in its order; a single-manifest image is its own (one) variant. */
export function linuxVariants(result: InspectResult): Variant[] {
  const manifest = result.manifest;
  if (manifest === undefined) return [];
  const listed = manifest.platforms
    .filter((p) => p.platform.os === 'linux')
    .map((p) => ({ platform: p.key, digest: p.digest }));
  if (listed.length > 0 || manifest.platforms.length > 0) return dedupe(listed);
  const single = result.platforms.filter((key) => key.startsWith('linux/'));
  const first = single[0];
  return manifest.digest !== undefined && first !== undefined && single.length === 1
    ? [{ platform: first, digest: manifest.digest }]
    : [];
}

function dedupe(variants: readonly Variant[]): Variant[] {
  const seen = new Set<string>();
  return variants.filter((v) => (seen.has(v.platform) ? false : (seen.add(v.platform), true)));
}
