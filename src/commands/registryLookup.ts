/**
 * Asking the registry which platforms an image has, with the fewest round trips:
 *  - buildx: `imagetools inspect REF --raw` (one manifest GET). An index or list names its platforms.
 *    A single manifest names none: use the local store's platform when the engine holds exactly that
 *    manifest (same digest), else `imagetools inspect REF --format={{.Image|json}}` for the config.
 *  - no buildx: ONE `docker manifest inspect [--insecure] --verbose REF`. The CLI fetches every child
 *    manifest and config with or without --verbose, so --verbose, which also names a single manifest's
 *    platform, costs no extra request (docs/verification-notes.md).
 */
import { parseImageConfig, parseManifestInspect, parseRawManifest, sha256DigestOfText } from '../core/index.js';
import type { ImageReference, LocalImage, ManifestSummary } from '../core/index.js';
import { imagetoolsConfig, imagetoolsRaw, manifestInspect } from './dockerCommands.js';
import { runAndParse } from './inspectContext.js';
import type { InspectContext, Lookup } from './inspectContext.js';

function platformsOf(manifest: ManifestSummary): Lookup {
  return { ok: true, platforms: manifest.platforms.map((entry) => entry.platform), manifest };
}

/** True when the engine's image is this very manifest (the containerd store's image ID is the manifest digest). */
function holdsManifest(local: LocalImage, digest: string): boolean {
  return local.id === digest || local.repoDigests.some((d) => d.endsWith(`@${digest}`));
}

export async function buildxLookup(ctx: InspectContext, ref: ImageReference, local?: LocalImage): Promise<Lookup> {
  const raw = await runAndParse(ctx, imagetoolsRaw(ref), parseRawManifest);
  if (!raw.ok) return raw;
  const digest = raw.value.digest ?? (await sha256DigestOfText(raw.stdout));
  const manifest: ManifestSummary = digest === undefined ? raw.value : { ...raw.value, digest };
  if (!manifest.needsConfig) return platformsOf(manifest);

  if (local?.platform !== undefined && digest !== undefined && holdsManifest(local, digest)) {
    return { ok: true, platforms: [local.platform], manifest };
  }
  const config = await runAndParse(ctx, imagetoolsConfig(ref), parseImageConfig);
  if (!config.ok) return config;
  return { ok: true, platforms: config.value.platforms, manifest };
}

export async function manifestLookup(ctx: InspectContext, ref: ImageReference): Promise<Lookup> {
  const found = await runAndParse(ctx, manifestInspect(ref, true), parseManifestInspect);
  return found.ok ? platformsOf(found.value) : found;
}
