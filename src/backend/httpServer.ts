/**
 * The backend's HTTP server: JSON in and out, bodies capped, requests and idle connections timed out, every answer
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
  /**
   * A connection with nothing happening on it (nothing sent yet, a keep-alive between requests, a stalled
   * request) is closed after this time: every answer is immediate, so only a client that forgot the
   * connection, or one hoarding them, waits that long.
   */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 256 * 1024,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 10_000,
};

/** Node's own keep-alive default: a client reusing the connection comes back sooner than this. */
const KEEP_ALIVE_MS = 5_000;

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
  const headersTimeout = Math.min(limits.requestTimeoutMs, limits.idleTimeoutMs, 10_000);
  // Node checks request and header deadlines on this interval (30 s by default): often enough for both limits.
  const connectionsCheckingInterval = Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4)));
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
  server.headersTimeout = headersTimeout;
  server.keepAliveTimeout = Math.min(KEEP_ALIVE_MS, limits.idleTimeoutMs);
  // Inactivity on the socket itself, whatever the request's state: without a 'timeout' listener Node destroys it.
  server.timeout = limits.idleTimeoutMs;
  return server;
}
