/**
 * Manifests from `docker buildx imagetools inspect REF --raw`: an OCI index, a Docker manifest list,
 * or a single OCI / Docker manifest (which names no platform: its config must be read). Reads one
 * parsed manifest document into a ManifestSummary.
 */
import { readDescriptor } from './descriptor.js';
import { documentKind } from './documentKind.js';
import { excerpt, isRecord, malformed, optionalString, parseJson, type JsonRecord } from './json.js';
import { isIndexKind, manifestKind, MAX_INDEX_ENTRIES, MEDIA_TYPES } from './mediaTypes.js';
import {
  isAttestation,
  normalisePlatform,
  platformKey,
  REFERENCE_DIGEST_ANNOTATION,
  REFERENCE_TYPE_ANNOTATION,
} from './platform.js';
import { imageSizeOf } from './imageSize.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { AttestationEntry, Descriptor, ManifestSummary, PlatformEntry } from './types.js';

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
  const kind = documentKind(doc);
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

/**
 * `imagetools inspect REF --raw`: the registry's bytes. The digest is left undefined: parsing stays synchronous,
 * and the caller hashes the bytes (sha256.ts) when it needs the digest.
 */
export function parseRawManifest(stdout: string): Result<ManifestSummary, ParseError> {
  const json = parseJson(stdout, 'manifest');
  if (!json.ok) return json;
  return summariseManifest(json.value);
}
