/**
 * POST /deep's body, validated before anything runs: {references: string[], source?, platforms?}, at
 * most MAX_REFERENCES references, each one accepted by the core's parseReference; `source` and
 * `platforms` as deepReadRequest.ts checks them. One refused entry refuses the whole request, with
 * every reason. Each accepted reference carries the job's read choice.
 */
import { isRecord } from '../core/json.js';
import { parseReference } from '../core/reference.js';
import { err, ok, type Result } from '../core/result.js';
import type { ImageReference } from '../core/types.js';
import { errorReply, type ErrorReply, type ReferenceProblem } from '../wire/errors.js';
import { parseDeepRead, refusedAll, type DeepRead } from './deepReadRequest.js';

export const MAX_REFERENCES = 256;

/** A reference as the request gave it, and parsed. */
export interface RequestedReference {
  readonly input: string;
  readonly parsed: ImageReference;
  /** Where its variants are read; undefined: every variant from its registry. */
  readonly read?: DeepRead;
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(['references', 'source', 'platforms']);

export function parseDeepRequest(body: unknown): Result<readonly RequestedReference[], ErrorReply> {
  const bad = (message: string): Result<readonly RequestedReference[], ErrorReply> =>
    err(errorReply(400, 'bad-request', message));
  if (!isRecord(body)) return bad('The body must be a JSON object: {"references": ["image:tag", ...]}.');
  const unknownKeys = Object.keys(body).filter((key) => !KNOWN_KEYS.has(key));
  if (unknownKeys.length > 0)
    return bad(
      `Unknown field(s): ${unknownKeys
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}.`,
    );
  const references = body.references;
  if (!Array.isArray(references)) return bad('"references" must be an array of image references.');
  if (references.length === 0) return bad('"references" is empty: name at least one image.');
  if (references.length > MAX_REFERENCES)
    return bad(`"references" holds ${references.length} entries; at most ${MAX_REFERENCES} per request.`);

  const read = parseDeepRead(body);
  if (!read.ok) return err(read.error);

  const accepted: RequestedReference[] = [];
  const problems: ReferenceProblem[] = [];
  references.forEach((input: unknown, index) => {
    if (typeof input !== 'string') {
      problems.push({
        index,
        input: String(JSON.stringify(input) ?? 'undefined').slice(0, 80),
        reason: 'is not a string',
      });
      return;
    }
    const parsed = parseReference(input);
    if (parsed.ok) accepted.push({ input, parsed: parsed.value, read: read.value });
    else problems.push({ index, input: input.slice(0, 600), reason: parsed.error.reason });
  });
  if (problems.length > 0) return err(refusedAll('invalid-reference', 'reference', problems));
  return ok(accepted);
}
