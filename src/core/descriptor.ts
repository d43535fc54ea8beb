/**
 * A descriptor: how a manifest names another piece of content (a platform's manifest in an index, a layer,
 * the image config) by its media type, digest and size. Every manifest reader (raw, formatted, verbose) reads
 * them the same way, here.
 */
import { isRecord, malformed } from './json.js';
import { DESCRIPTOR_DIGEST } from './mediaTypes.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { Descriptor } from './types.js';

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
