/**
 * argv builders: the only place docker command lines are put together, and only from validated
 * values (an ImageReference from core's parseReference, an ImageId from parseImageId).
 * Each result passes isReadOnlyCommand (checked again in run.ts before anything runs).
 */
import { isLoopbackRegistry } from '../core/index.js';
import type { ImageReference } from '../core/index.js';
import { EXTENSION_LABEL_FILTER, FORMAT_IMAGE_CONFIG, FORMAT_JSON, RAW, isImageId } from './allowlist.js';

declare const imageIdBrand: unique symbol;
/** An image ID as the engine prints it: 12 or 64 hex digits, optionally "sha256:"-prefixed. */
export type ImageId = string & { readonly [imageIdBrand]: true };

export function parseImageId(text: string): ImageId | undefined {
  return isImageId(text) ? (text as ImageId) : undefined;
}

/** One registry round trip: the manifest bytes exactly as the registry serves them. */
export function imagetoolsRaw(ref: ImageReference): readonly string[] {
  return ['buildx', 'imagetools', 'inspect', ref.canonical, RAW];
}

/** The image config (platform + labels) of a single manifest: buildx reads manifest then config. */
export function imagetoolsConfig(ref: ImageReference): readonly string[] {
  return ['buildx', 'imagetools', 'inspect', ref.canonical, FORMAT_IMAGE_CONFIG];
}

/**
 * The fallback when buildx is missing; --verbose adds the platform of a single manifest. A registry on this
 * machine is reached over plain HTTP only with --insecure (the allowlist accepts it for loopback only).
 */
export function manifestInspect(ref: ImageReference, verbose: boolean): readonly string[] {
  return [
    'manifest',
    'inspect',
    ...(isLoopbackRegistry(ref.domain) ? ['--insecure'] : []),
    ...(verbose ? ['--verbose'] : []),
    ref.canonical,
  ];
}

/** The local store: labels, platform and ID of images (by reference or ID). */
export function imageInspect(targets: readonly (ImageReference | ImageId)[]): readonly string[] {
  return ['image', 'inspect', ...targets.map((t) => (typeof t === 'string' ? t : t.canonical))];
}

/** Installed extension images carry this label (JSON lines, one per image and tag). */
export function listExtensionImages(): readonly string[] {
  return ['image', 'ls', EXTENSION_LABEL_FILTER, FORMAT_JSON];
}

export function buildxVersion(): readonly string[] {
  return ['buildx', 'version'];
}

export function engineVersion(): readonly string[] {
  return ['version', FORMAT_JSON];
}
