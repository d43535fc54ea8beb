/**
 * `imagetools inspect REF --format '{{json .}}'` ({name, manifest, image}) and `--format '{{json .Manifest}}'`
 * (the index with digest/size added; for a single manifest only its descriptor). For completeness:
 * the matrix itself uses --raw, which costs one registry request instead of one per platform.
 */
import { readImageConfig } from './imageConfig.js';
import { isRecord, malformed, parseJson, type JsonRecord } from './json.js';
import { readDescriptor } from './descriptor.js';
import { summariseManifest } from './manifestDoc.js';
import { isIndexKind, manifestKind } from './mediaTypes.js';
import { platformKey } from './platform.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { ManifestSummary, PlatformEntry } from './types.js';

/** A bare descriptor {mediaType, digest, size} of a single manifest (no config, no manifests). */
function summariseDescriptorOnly(doc: JsonRecord): Result<ManifestSummary, ParseError> {
  const d = readDescriptor(doc, 'manifest descriptor');
  if (!d.ok) return d;
  const kind = manifestKind(d.value.mediaType);
  if (kind === undefined) return summariseManifest(doc);
  if (isIndexKind(kind)) return err(malformed('index descriptor without its manifests'));
  return ok({
    kind,
    mediaType: d.value.mediaType,
    digest: d.value.digest,
    platforms: [],
    attestations: [],
    needsConfig: true,
  });
}

function summariseManifestValue(doc: unknown): Result<ManifestSummary, ParseError> {
  if (!isRecord(doc)) return err(malformed('manifest is not a JSON object'));
  const digest = typeof doc.digest === 'string' ? doc.digest : undefined;
  if (doc.manifests === undefined && doc.config === undefined && digest !== undefined)
    return summariseDescriptorOnly(doc);
  return summariseManifest(doc, digest);
}

/** Fills the platform of a single manifest from the `image` config printed next to it. */
function withImagePlatform(
  summary: ManifestSummary,
  image: unknown,
  size: number,
): Result<ManifestSummary, ParseError> {
  if (!summary.needsConfig || image === undefined || image === null) return ok(summary);
  const config = readImageConfig(image);
  if (!config.ok) return config;
  const [platform] = config.value.platforms;
  if (platform === undefined || summary.digest === undefined) return ok(summary);
  const entry: PlatformEntry = {
    platform,
    key: platformKey(platform),
    digest: summary.digest,
    mediaType: summary.mediaType,
    size,
  };
  return ok({ ...summary, platforms: [entry], needsConfig: false });
}

export function parseFormattedInspect(stdout: string): Result<ManifestSummary, ParseError> {
  const json = parseJson(stdout, 'imagetools output');
  if (!json.ok) return json;
  const doc = json.value;
  if (isRecord(doc) && 'manifest' in doc && !('mediaType' in doc) && !('manifests' in doc)) {
    const summary = summariseManifestValue(doc.manifest);
    if (!summary.ok) return summary;
    const size = isRecord(doc.manifest) && typeof doc.manifest.size === 'number' ? doc.manifest.size : 0;
    return withImagePlatform(summary.value, doc.image, size);
  }
  return summariseManifestValue(doc);
}
