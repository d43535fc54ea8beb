/**
 * Manifests from `docker buildx imagetools inspect REF --raw`: an OCI index, a Docker manifest list,
 * or a single OCI / Docker manifest (which names no platform: its config must be read).
 */
import { parseJson } from './json.js';
import { summariseManifest } from './manifestDoc.js';
import type { ParseError, Result } from './result.js';
import type { ManifestSummary } from './types.js';

export { parseImageConfig, type ImageConfigInfo } from './imageConfig.js';
export { parseFormattedInspect } from './formattedInspect.js';
export { parseManifestInspect } from './manifestInspect.js';

/** `imagetools inspect REF --raw`: the registry's bytes. The digest is left undefined (the core does no hashing). */
export function parseRawManifest(stdout: string): Result<ManifestSummary, ParseError> {
  const json = parseJson(stdout, 'manifest');
  if (!json.ok) return json;
  return summariseManifest(json.value);
}
