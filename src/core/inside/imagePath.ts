/**
 * Paths inside an image as metadata.json names them: absolute, `//` and `.` folded, never `..`.
 * Untrusted text in, a normalised path or a reason out.
 */
import { excerpt, hasControlChar } from '../json.js';
import { err, ok, type Result } from '../result.js';

/** No real image path comes close; longer text is refused before it is looked at. */
export const MAX_IMAGE_PATH_CHARS = 4096;

/**
 * "/darwin//kubectl" -> "/darwin/kubectl", "/./a/" -> "/a". `relativeTo` (e.g. "/") is put in
 * front of a relative path instead of refusing it (compose files are named relative to the root).
 */
export function normaliseImagePath(raw: unknown, relativeTo?: string): Result<string, string> {
  if (raw === undefined) return err('is missing');
  if (typeof raw !== 'string')
    return err(`is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not a path`);
  if (raw.length > MAX_IMAGE_PATH_CHARS)
    return err(`is ${raw.length} characters long (at most ${MAX_IMAGE_PATH_CHARS})`);
  const trimmed = raw.trim();
  if (trimmed === '') return err('is empty');
  if (hasControlChar(trimmed)) return err('contains control characters');
  if (trimmed.includes('\\')) return err(`"${excerpt(trimmed)}" uses backslashes: image paths use "/"`);
  const absolute = trimmed.startsWith('/')
    ? trimmed
    : relativeTo !== undefined
      ? `${relativeTo}/${trimmed}`
      : undefined;
  if (absolute === undefined) return err(`"${excerpt(trimmed)}" is relative: paths in the image start with "/"`);
  const parts = absolute.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return err(`"${excerpt(trimmed)}" contains "..": it must name a file inside the image`);
  if (parts.length === 0) return err('names the image root, not a file');
  return ok(`/${parts.join('/')}`);
}
