/**
 * `docker manifest inspect [--verbose] REF`: the fallback when buildx is missing. Without --verbose it
 * prints the manifest itself; with --verbose an array of {Ref, Descriptor, Raw, OCIManifest|SchemaV2Manifest}
 * for an index or list, or one such object (whose Descriptor carries the platform) for a single manifest.
 */
import { isRecord, malformed, parseJson, type JsonRecord } from './json.js';
import { readDescriptor } from './descriptor.js';
import { summariseManifest } from './manifestDoc.js';
import { isIndexKind, manifestKind, MAX_INDEX_ENTRIES, MEDIA_TYPES } from './mediaTypes.js';
import { isAttestation, normalisePlatform, platformKey, REFERENCE_TYPE_ANNOTATION } from './platform.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { AttestationEntry, ManifestSummary, PlatformEntry } from './types.js';

const IN_TOTO = 'application/vnd.in-toto+json';

/** The verbose form drops annotations: an attestation is recognised by its in-toto layers. */
function referenceTypeOf(item: JsonRecord, descriptor: JsonRecord): string {
  const annotations = descriptor.annotations;
  if (isRecord(annotations) && typeof annotations[REFERENCE_TYPE_ANNOTATION] === 'string') {
    return annotations[REFERENCE_TYPE_ANNOTATION];
  }
  const manifest = isRecord(item.OCIManifest) ? item.OCIManifest : item.SchemaV2Manifest;
  const layers = isRecord(manifest) && Array.isArray(manifest.layers) ? (manifest.layers as unknown[]) : [];
  return layers.some((l) => isRecord(l) && l.mediaType === IN_TOTO) ? 'attestation-manifest' : 'unknown';
}

type VerboseEntry = { platform: PlatformEntry } | { attestation: AttestationEntry } | { skip: true };

function readVerboseEntry(item: unknown, where: string): Result<VerboseEntry, ParseError> {
  if (!isRecord(item)) return err(malformed(`${where} is not an object`));
  const descriptor = item.Descriptor;
  const d = readDescriptor(descriptor, `${where} Descriptor`);
  if (!d.ok) return d;
  const desc = descriptor as JsonRecord;
  if (isAttestation(desc)) {
    return ok({ attestation: { ...d.value, referenceType: referenceTypeOf(item, desc) } });
  }
  if (desc.platform === undefined) return ok({ skip: true });
  if (!isRecord(desc.platform)) return err(malformed(`${where} has a platform that is not an object`));
  const platform = normalisePlatform(desc.platform);
  if (!platform.ok) return err(malformed(`${where}: ${platform.error.message}`));
  return ok({ platform: { platform: platform.value, key: platformKey(platform.value), ...d.value } });
}

function summariseVerboseList(items: unknown[]): Result<ManifestSummary, ParseError> {
  if (items.length === 0) return err(malformed('manifest inspect --verbose printed an empty list'));
  if (items.length > MAX_INDEX_ENTRIES)
    return err(malformed(`manifest list has more than ${MAX_INDEX_ENTRIES} entries`));
  const platforms: PlatformEntry[] = [];
  const attestations: AttestationEntry[] = [];
  for (const [i, item] of items.entries()) {
    const entry = readVerboseEntry(item, `manifest list entry ${i + 1}`);
    if (!entry.ok) return entry;
    if ('platform' in entry.value) platforms.push(entry.value.platform);
    else if ('attestation' in entry.value) attestations.push(entry.value.attestation);
  }
  // The list's own media type is not printed: Docker v2 entries mean a Docker manifest list.
  const docker = platforms.some((p) => p.mediaType === MEDIA_TYPES.dockerManifest);
  return ok({
    kind: docker ? 'docker-manifest-list' : 'oci-index',
    mediaType: docker ? MEDIA_TYPES.dockerList : MEDIA_TYPES.ociIndex,
    platforms,
    attestations,
    needsConfig: false,
  });
}

function summariseVerboseSingle(item: JsonRecord): Result<ManifestSummary, ParseError> {
  const d = readDescriptor(item.Descriptor, 'Descriptor');
  if (!d.ok) return d;
  const kind = manifestKind(d.value.mediaType);
  if (kind === undefined) return err(malformed(`unknown manifest media type "${d.value.mediaType.slice(0, 100)}"`));
  if (isIndexKind(kind)) return err(malformed('verbose output names an index but lists no entries'));
  const entry = readVerboseEntry(item, 'manifest');
  if (!entry.ok) return entry;
  const base = { kind, mediaType: d.value.mediaType, digest: d.value.digest, attestations: [] };
  if ('platform' in entry.value) return ok({ ...base, platforms: [entry.value.platform], needsConfig: false });
  const manifest = isRecord(item.OCIManifest) ? item.OCIManifest : item.SchemaV2Manifest;
  const inner = summariseManifest(manifest, d.value.digest);
  if (!inner.ok) return inner;
  return ok({ ...inner.value, ...base, platforms: [], needsConfig: true });
}

export function parseManifestInspect(stdout: string): Result<ManifestSummary, ParseError> {
  const json = parseJson(stdout, 'manifest inspect output');
  if (!json.ok) return json;
  const doc = json.value;
  if (Array.isArray(doc)) return summariseVerboseList(doc as unknown[]);
  if (isRecord(doc) && 'Descriptor' in doc) return summariseVerboseSingle(doc);
  return summariseManifest(doc);
}
