import type { IncomingMessage } from 'node:http';
import { err, ok, type Result } from '../core/result.js';
import { reject, type Rejection } from './rejection.js';

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
