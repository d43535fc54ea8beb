/**
 * The browser-mode request handler: every request must name this server in Host (no DNS
 * rebinding); /api/exec and /api/vm also need a same-origin Origin and the per-start key; everything
 * else is the built UI, read-only. Every refusal is the one ErrorReply (src/wire/errors.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createExecRoute, type ExecRouteDeps } from './execRoute.js';
import { checkFetchSite, checkHost, checkKey, checkOrigin } from './guards.js';
import { EXEC_PATH, KEY_HEADER } from '../wire/standinProtocol.js';
import { reject, sendRejection, type Rejection } from './rejection.js';
import { serveStatic, type StaticDeps } from './staticRoute.js';
import { createVmRoute, isVmPath, type VmRouteDeps } from './vmRoute.js';

export interface AppDeps extends ExecRouteDeps, StaticDeps, VmRouteDeps {
  /** The port the server listens on (for the Host and Origin checks). */
  readonly port: () => number;
  readonly key: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createApp(deps: AppDeps): RequestHandler {
  const exec = createExecRoute(deps);
  const vm = createVmRoute(deps);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = deps.port();
    const pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    const refuse = (rejection: Rejection): void => {
      deps.log?.(`refused (${rejection.name}) ${req.method ?? '?'} ${req.url ?? ''}: ${rejection.message}`);
      req.resume();
      sendRejection(res, rejection);
    };
    const host = checkHost(req.headers.host, port);
    if (!host.ok) return refuse(host.error);

    const guarded = (): Rejection | undefined =>
      [
        checkOrigin(req.headers.origin, port),
        checkFetchSite(req.headers['sec-fetch-site']),
        checkKey(req.headers[KEY_HEADER], deps.key),
      ].find((check) => !check.ok)?.error;
    if (pathname === EXEC_PATH) {
      if (req.method !== 'POST') return refuse(reject(405, 'method-not-allowed', `${EXEC_PATH} takes POST only.`));
      const refused = guarded();
      return refused === undefined ? exec(req, res) : refuse(refused);
    }
    if (isVmPath(pathname)) {
      const refused = guarded();
      return refused === undefined ? vm(req, res, pathname) : refuse(refused);
    }
    if (pathname.startsWith('/api/')) return refuse(reject(404, 'not-found', `Nothing at ${pathname}.`));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(reject(405, 'method-not-allowed', 'The UI is read-only: GET and HEAD only.'));
    }
    return serveStatic(req, res, pathname, deps);
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.log?.(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      sendRejection(res, reject(500, 'internal', 'The server failed to handle the request.'));
    });
  };
}
