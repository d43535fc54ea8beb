/**
 * The kind of a parsed manifest document (index, list or single manifest): both the platform summary
 * (manifestDoc.ts) and the size of one platform's image (imageSize.ts) start by asking it.
 */
import { excerpt, isRecord, malformed, type JsonRecord } from './json.js';
import { isSchema1, manifestKind } from './mediaTypes.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { ManifestKind } from './types.js';

/** The kind of a manifest object: from its mediaType, or from its shape when the field is absent (OCI allows that). */
export function documentKind(doc: JsonRecord): Result<ManifestKind, ParseError> {
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
