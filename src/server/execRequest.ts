/**
 * Validation of a POST /api/exec body: JSON, an object with `args` (strings) and `form`.
 * Anything else is refused with a reason before any command is considered.
 */
import { isRecord } from '../core/json.js';
import { err, ok, type Result } from '../core/result.js';
import type { ExecBody, ExecForm } from '../wire/standinProtocol.js';
import { reject, type Rejection } from './rejection.js';

export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_ARGS = 64;
export const MAX_ARG_LENGTH = 4096;

const FORMS: readonly ExecForm[] = ['exec', 'stream'];

const bad = (message: string): Rejection => reject(400, 'bad-request', message);

/** The media type must be JSON: a cross-site form post cannot send it without a CORS preflight. */
export function checkContentType(contentType: string | undefined): Result<true, Rejection> {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return ok(true);
  return err(reject(415, 'unsupported-media-type', 'The body must be application/json.'));
}

export function parseExecBody(text: string): Result<ExecBody, Rejection> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(bad('The body is not valid JSON.'));
  }
  if (!isRecord(value)) return err(bad('The body must be a JSON object.'));
  const { args, form } = value;
  const extra = Object.keys(value).filter((key) => key !== 'args' && key !== 'form');
  if (extra.length > 0) return err(bad(`Unknown field(s): ${extra.join(', ')}.`));
  if (!Array.isArray(args)) return err(bad('`args` must be an array of strings.'));
  if (args.length === 0 || args.length > MAX_ARGS) return err(bad(`\`args\` must hold 1 to ${MAX_ARGS} strings.`));
  const strings: string[] = [];
  for (const [index, arg] of args.entries()) {
    if (typeof arg !== 'string') return err(bad(`\`args[${index}]\` is not a string.`));
    if (arg.length > MAX_ARG_LENGTH) return err(bad(`\`args[${index}]\` is longer than ${MAX_ARG_LENGTH} characters.`));
    if (arg.includes('\0')) return err(bad(`\`args[${index}]\` contains a NUL character.`));
    strings.push(arg);
  }
  const chosen = FORMS.find((known) => known === form);
  if (chosen === undefined) return err(bad('`form` must be "exec" or "stream".'));
  return ok({ args: strings, form: chosen });
}
