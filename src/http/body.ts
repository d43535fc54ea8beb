/**
 * Reading a request body (as text or JSON) with a size limit, for Node's HTTP servers: the
 * backend's on its socket and browser mode's. A refusal is the one ErrorReply (src/wire/errors.ts).
 */
import type { IncomingMessage } from 'node:http';
import { err, ok, type Result } from '../core/result.js';
import { errorReply, type ErrorReply } from '../wire/errors.js';

/** Reads a request body as UTF-8, refusing it as soon as it grows past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Result<string, ErrorReply>> {
  const tooLarge = errorReply(413, 'too-large', `The body is larger than ${limit} bytes.`);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(err(tooLarge));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<string, ErrorReply>): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish(err(tooLarge));
        return;
      }
      if (!done) chunks.push(chunk);
    });
    req.on('end', () => finish(ok(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => finish(err(errorReply(400, 'bad-request', 'The request body could not be read.'))));
    req.on('close', () => finish(err(errorReply(400, 'bad-request', 'The request ended before its body.'))));
  });
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * A request's JSON body: undefined when empty; otherwise it must be application/json (a body
 * without a Content-Type passes only when `typeRequired` is false) and valid JSON. Shared by the
 * backend's HTTP server and browser mode's /api/vm relay.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  typeRequired: boolean,
): Promise<Result<unknown, ErrorReply>> {
  const text = await readBody(req, limit);
  if (!text.ok || text.value.trim() === '') return text.ok ? ok(undefined) : text;
  const type = req.headers['content-type'];
  if (type === undefined ? typeRequired : !JSON_TYPE.test(type)) {
    return err(
      errorReply(
        415,
        'unsupported-media-type',
        `The body must be application/json, not ${type === undefined ? 'untyped' : type.slice(0, 60)}.`,
      ),
    );
  }
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch {
    return err(errorReply(400, 'bad-request', 'The body is not valid JSON.'));
  }
}
