/**
 * The server's HTTP plumbing: a refused request (Rejection) and its JSON reply, the headers every
 * response carries, and reading a request body (as text or JSON) with a size limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, ok, type Result } from '../core/result.js';
import type { ErrorReply, RejectionCode } from './standin/protocol.js';

/** A refused request: the HTTP status and a reason for people. No command ran. */
export interface Rejection {
  readonly status: number;
  readonly code: RejectionCode;
  readonly message: string;
}

export const reject = (status: number, code: RejectionCode, message: string): Rejection => ({ status, code, message });

export const errorReply = (rejection: Rejection): ErrorReply => ({
  error: { code: rejection.code, message: rejection.message },
});

/** Headers every response carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendRejection(res: ServerResponse, rejection: Rejection): void {
  sendJson(res, rejection.status, errorReply(rejection));
}

/** Reads a request body as UTF-8, refusing it as soon as it grows past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Result<string, Rejection>> {
  const tooLarge = reject(413, 'too-large', `The body is larger than ${limit} bytes.`);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(err(tooLarge));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<string, Rejection>): void => {
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
    req.on('error', () => finish(err(reject(400, 'bad-request', 'The request body could not be read.'))));
    req.on('close', () => finish(err(reject(400, 'bad-request', 'The request ended before its body.'))));
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
): Promise<Result<unknown, Rejection>> {
  const text = await readBody(req, limit);
  if (!text.ok || text.value.trim() === '') return text.ok ? ok(undefined) : text;
  const type = req.headers['content-type'];
  if (type === undefined ? typeRequired : !JSON_TYPE.test(type)) {
    return err(
      reject(
        415,
        'unsupported-media-type',
        `The body must be application/json, not ${type === undefined ? 'untyped' : type.slice(0, 60)}.`,
      ),
    );
  }
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch {
    return err(reject(400, 'bad-request', 'The body is not valid JSON.'));
  }
}
