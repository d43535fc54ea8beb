/**
 * Writing JSON answers from Node's HTTP servers (the backend's and browser mode's): the headers
 * every response carries, a JSON body, and the one ErrorReply (src/wire/errors.ts).
 */
import type { ServerResponse } from 'node:http';
import type { ErrorReply } from '../wire/errors.js';

/** Headers every response carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Sends JSON that is already text (e.g. another process's answer, relayed unchanged). */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  sendJsonText(res, status, JSON.stringify(body));
}

/** An error reply, sent with its own status. */
export function sendErrorReply(res: ServerResponse, reply: ErrorReply): void {
  sendJson(res, reply.statusCode, reply);
}
