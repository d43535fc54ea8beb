/**
 * /api/vm/<backend path>: the page's `ddClient.extension.vm.service` requests, relayed to Arch
 * Matrix's backend (vmRelay.ts). The caller (app.ts) has already checked Host, Origin and the
 * key. Only the methods the backend serves (GET, POST, DELETE) and backend paths pass; the body
 * must be JSON and small. The reply is the backend's status and body, unchanged. What this route
 * or app.ts refuses is the same ErrorReply {statusCode, name, message} the backend answers with
 * (src/wire/errors.ts), so the stand-in and the tab read one shape whoever refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../http/body.js';
import { sendJsonText } from '../http/reply.js';
import { readErrorFields } from '../wire/errors.js';
import { VM_PATH } from '../wire/standinProtocol.js';
import { reject, sendRejection, type Rejection } from './rejection.js';
import type { VmRelay } from './vmRelay.js';

/** The backend takes at most 256 KiB (its own limit): nothing larger is relayed. */
const MAX_VM_BODY_BYTES = 256 * 1024;

/** The methods the backend serves (src/wire/backendApi.ts): nothing else is relayed. */
const METHODS = new Set(['GET', 'POST', 'DELETE']);
/** Backend paths: letters, digits and - _ . / only (no query, no `..`, no encoded characters). */
const BACKEND_PATH = /^\/[A-Za-z0-9_./-]{0,200}$/;

export interface VmRouteDeps {
  readonly vm: VmRelay;
  readonly log?: (line: string) => void;
}

export const isVmPath = (pathname: string): boolean => pathname.startsWith(`${VM_PATH}/`);

/** The backend path of an /api/vm/... request, or why it is refused. */
export function backendPath(
  pathname: string,
): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly rejection: Rejection } {
  const path = pathname.slice(VM_PATH.length);
  if (!BACKEND_PATH.test(path) || path.split('/').includes('..')) {
    return {
      ok: false,
      rejection: reject(400, 'bad-request', `Not a backend path: ${JSON.stringify(path.slice(0, 100))}.`),
    };
  }
  return { ok: true, path };
}

/** The `message` of a backend's error reply, or the body text itself. */
function replyMessage(body: string): string {
  try {
    const { message } = readErrorFields(JSON.parse(body));
    if (message !== undefined) return message;
  } catch {
    // not JSON: the text itself
  }
  return body.slice(0, 300);
}

export function createVmRoute(
  deps: VmRouteDeps,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  const refuse = (res: ServerResponse, rejection: Rejection): void => {
    deps.log?.(`refused (${rejection.name}) vm.service: ${rejection.message}`);
    sendRejection(res, rejection);
  };
  // A backend that is down fails every row: the terminal says so once (again after it answered in between).
  let lastFailure: string | undefined;
  const noteReply = (status: number, body: string): void => {
    if (status < 500) {
      lastFailure = undefined;
      return;
    }
    const message = `vm.service: the backend answered ${status}: ${replyMessage(body)}`;
    if (message === lastFailure) return;
    lastFailure = message;
    deps.log?.(message);
  };
  return async (req, res, pathname) => {
    const method = req.method ?? 'GET';
    const target = backendPath(pathname);
    if (!METHODS.has(method) || !target.ok) {
      req.resume();
      if (target.ok) res.setHeader('allow', [...METHODS].join(', '));
      return refuse(
        res,
        target.ok
          ? reject(
              405,
              'method-not-allowed',
              `${method.slice(0, 16)} is not a method the backend serves (${[...METHODS].join(', ')}).`,
            )
          : target.rejection,
      );
    }
    const body = await readJsonBody(req, MAX_VM_BODY_BYTES, true);
    if (!body.ok) {
      res.setHeader('connection', 'close');
      return refuse(res, body.error);
    }
    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) controller.abort();
    };
    res.on('close', onClose);
    try {
      const reply = await deps.vm({ method, path: target.path, body: body.value }, controller.signal);
      noteReply(reply.status, reply.body);
      sendJsonText(res, reply.status, reply.body);
    } catch (error) {
      deps.log?.(`vm.service: internal error: ${error instanceof Error ? error.message : String(error)}`);
      sendRejection(res, reject(500, 'internal', 'The server failed to relay the request to the backend.'));
    } finally {
      res.off('close', onClose);
    }
  };
}
