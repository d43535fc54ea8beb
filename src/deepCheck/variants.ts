/** The runnable linux variants of an image, from its platform check's index (attestations are never variants). */
import type { HostBinaryFinding, InspectResult, PlatformKey, VariantFiles } from '../core/index.js';

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

export type ChosenVariants =
  | { readonly ok: true; readonly variants: readonly Variant[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly explanation: string };

/** The variants of `platforms` (all when undefined), and a note naming the ones left unread. */
export function chooseVariants(
  listed: readonly Variant[],
  platforms: readonly PlatformKey[] | undefined,
): ChosenVariants {
  if (platforms === undefined) return { ok: true, variants: listed, notes: [] };
  const variants = listed.filter((v) => platforms.includes(v.platform));
  const others = listed.filter((v) => !platforms.includes(v.platform)).map((v) => v.platform);
  if (variants.length === 0)
    return {
      ok: false,
      explanation: `Not checked: the index lists no ${platforms.join(' or ')} variant (this machine's), only ${others.join(', ')}.`,
    };
  const notes = others.length === 0 ? [] : [`Not read: ${others.join(', ')} (only this machine's variant was read).`];
  return { ok: true, variants, notes };
}

/** Each finding with the source its variant's files came from, where the reader said it. */
export function withSources(
  findings: readonly HostBinaryFinding[],
  files: ReadonlyMap<PlatformKey, VariantFiles>,
): HostBinaryFinding[] {
  return findings.map((f) => {
    const source = files.get(f.platform)?.source;
    return source === undefined ? f : { ...f, source };
  });
}
