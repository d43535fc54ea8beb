/**
 * Manifests from `docker buildx imagetools inspect REF --raw`: an OCI index, a Docker manifest list,
 * or a single OCI / Docker manifest (which names no platform: its config must be read). Reads one
 * parsed manifest document into a ManifestSummary.
 */
import { excerpt, isRecord, malformed, optionalString, parseJson, type JsonRecord } from './json.js';
import {
  DESCRIPTOR_DIGEST,
  isIndexKind,
  isSchema1,
  manifestKind,
  MAX_INDEX_ENTRIES,
  MEDIA_TYPES,
} from './mediaTypes.js';
import {
  isAttestation,
  normalisePlatform,
  platformKey,
  REFERENCE_DIGEST_ANNOTATION,
  REFERENCE_TYPE_ANNOTATION,
} from './platform.js';
import { imageSizeOf } from './imageSize.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { AttestationEntry, ManifestKind, ManifestSummary, PlatformEntry } from './types.js';

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

/** Reads {mediaType, digest, size} of a descriptor; `where` names it in errors ("entry 3"). */
export function readDescriptor(value: unknown, where: string): Result<Descriptor, ParseError> {
  if (!isRecord(value)) return err(malformed(`${where} is not an object`));
  const { mediaType, digest, size } = value;
  if (typeof mediaType !== 'string' || mediaType === '') return err(malformed(`${where} has no mediaType string`));
  if (typeof digest !== 'string' || !DESCRIPTOR_DIGEST.test(digest)) {
    return err(malformed(`${where} has no valid digest`));
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    return err(malformed(`${where} has no valid size`));
  }
  return ok({ mediaType, digest, size });
}

/** The kind of a manifest object: from its mediaType, or from its shape when the field is absent (OCI allows that). */
export function kindOf(doc: JsonRecord): Result<ManifestKind, ParseError> {
  const mediaType = doc.mediaType;
  if (mediaType !== undefined && typeof mediaType !== 'string') return err(malformed('mediaType is not a string'));
  if (typeof mediaType === 'string') {
    const kind = manifestKind(mediaType);
    if (kind) return ok(kind);
    if (isSchema1(mediaType))
      return err(malformed('Docker image manifest schema 1 is not supported (deprecated format)'));
    return err(malformed(`unknown manifest media type "${excerpt(mediaType, 100)}"`));
  }
  if (doc.schemaVersion === 1)
    return err(malformed('Docker image manifest schema 1 is not supported (deprecated format)'));
  if (Array.isArray(doc.manifests)) return ok('oci-index');
  if (isRecord(doc.config) && Array.isArray(doc.layers)) return ok('oci-manifest');
  return err(malformed('not an image index or manifest (no mediaType, manifests or config)'));
}

interface Entries {
  readonly platforms: PlatformEntry[];
  readonly attestations: AttestationEntry[];
}

function attestationOf(entry: JsonRecord, d: Descriptor): AttestationEntry {
  const annotations = isRecord(entry.annotations) ? entry.annotations : {};
  const describes = optionalString(annotations[REFERENCE_DIGEST_ANNOTATION]);
  return {
    digest: d.digest,
    mediaType: d.mediaType,
    size: d.size,
    referenceType: optionalString(annotations[REFERENCE_TYPE_ANNOTATION]) ?? 'unknown',
    describes,
  };
}

/**
 * Sorts the `manifests` of an index into runnable platforms and attestations. Entries that are neither
 * (no platform, or a media type that is not an image manifest, e.g. an artifact) are left out.
 */
export function readIndexEntries(manifests: unknown): Result<Entries, ParseError> {
  if (!Array.isArray(manifests)) return err(malformed('index has no manifests array'));
  const list = manifests as unknown[];
  if (list.length > MAX_INDEX_ENTRIES) {
    return err(malformed(`index has ${list.length} entries, more than the ${MAX_INDEX_ENTRIES} accepted`));
  }
  const platforms: PlatformEntry[] = [];
  const attestations: AttestationEntry[] = [];
  for (const [i, entry] of list.entries()) {
    const where = `manifest list entry ${i + 1}`;
    const d = readDescriptor(entry, where);
    if (!d.ok) return d;
    const record = entry as JsonRecord;
    if (record.annotations !== undefined && !isRecord(record.annotations)) {
      return err(malformed(`${where} has annotations that are not an object`));
    }
    if (isAttestation(record)) {
      attestations.push(attestationOf(record, d.value));
      continue;
    }
    if (record.platform === undefined) continue;
    if (!isRecord(record.platform)) return err(malformed(`${where} has a platform that is not an object`));
    const platform = normalisePlatform(record.platform);
    if (!platform.ok) return err(malformed(`${where}: ${platform.error.message}`));
    const kind = manifestKind(d.value.mediaType);
    if (kind === undefined || isIndexKind(kind)) continue;
    platforms.push({ platform: platform.value, key: platformKey(platform.value), ...d.value });
  }
  return ok({ platforms, attestations });
}

/** Builds the summary of one parsed manifest document (index/list or single manifest). */
export function summariseManifest(doc: unknown, digest?: string): Result<ManifestSummary, ParseError> {
  if (!isRecord(doc)) return err(malformed('manifest is not a JSON object'));
  if (doc.schemaVersion !== undefined && doc.schemaVersion !== 2) {
    return err(malformed(`unsupported schemaVersion ${excerpt(String(doc.schemaVersion), 20)}`));
  }
  const kind = kindOf(doc);
  if (!kind.ok) return kind;
  const mediaType =
    typeof doc.mediaType === 'string'
      ? doc.mediaType
      : kind.value === 'oci-index'
        ? MEDIA_TYPES.ociIndex
        : MEDIA_TYPES.ociManifest;
  const base = { kind: kind.value, mediaType, digest };
  if (isIndexKind(kind.value)) {
    const entries = readIndexEntries(doc.manifests);
    if (!entries.ok) return entries;
    return ok({ ...base, ...entries.value, needsConfig: false });
  }
  const config = readDescriptor(doc.config, 'manifest config');
  if (!config.ok) return config;
  // Its size is a detail: a manifest whose layers cannot be added up is still judged by its platform.
  const size = imageSizeOf(doc);
  return ok({
    ...base,
    platforms: [],
    attestations: [],
    needsConfig: true,
    configDigest: config.value.digest,
    size: size.ok ? size.value : undefined,
  });
}

/** `imagetools inspect REF --raw`: the registry's bytes. The digest is left undefined (the core does no hashing). */
export function parseRawManifest(stdout: string): Result<ManifestSummary, ParseError> {
  const json = parseJson(stdout, 'manifest');
  if (!json.ok) return json;
  return summariseManifest(json.value);
}
