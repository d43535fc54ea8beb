/**
 * The backend's HTTP server: JSON in and out, bodies capped, requests timed out, every answer
 * from the router (router.ts). It is only ever bound to a Unix socket (socketFile.ts): no TCP port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readJsonBody } from '../http/body.js';
import { sendErrorReply, sendJson } from '../http/reply.js';
import { errorReply, type ErrorReply } from '../wire/errors.js';
import type { Router } from './router.js';

export interface HttpLimits {
  /** Largest request body accepted (413 beyond). */
  readonly maxBodyBytes: number;
  /** A request (headers and body) must arrive within this time (Node answers 408 otherwise). */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 256 * 1024, requestTimeoutMs: 30_000 };

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sendError(res: ServerResponse, reply: ErrorReply, close = false): void {
  if (close) res.setHeader('connection', 'close');
  sendErrorReply(res, reply);
}

async function handle(req: IncomingMessage, res: ServerResponse, router: Router, limits: HttpLimits): Promise<void> {
  const method = req.method ?? 'GET';
  let body: unknown;
  if (BODY_METHODS.has(method)) {
    const read = await readJsonBody(req, limits.maxBodyBytes, false);
    if (!read.ok) {
      sendError(res, read.error, true);
      return;
    }
    body = read.value;
  } else {
    req.resume();
  }
  const reply = router({ method, path: req.url ?? '/', body });
  if (reply.allow !== undefined) res.setHeader('allow', reply.allow);
  sendJson(res, reply.status, reply.body);
}

export function createBackendHttpServer(router: Router, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Server {
  // Node checks request deadlines on this interval (30 s by default): often enough for the limit.
  const connectionsCheckingInterval = Math.max(50, Math.min(30_000, Math.floor(limits.requestTimeoutMs / 4)));
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    handle(req, res, router, limits).catch((error: unknown) => {
      sendError(
        res,
        errorReply(
          500,
          'internal',
          `The backend failed on this request: ${error instanceof Error ? error.message : String(error)}`,
        ),
        true,
      );
    });
  });
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.requestTimeoutMs, 10_000);
  return server;
}
