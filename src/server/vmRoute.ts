/**
 * /api/vm/<backend path>: the page's `ddClient.extension.vm.service` requests, relayed to Arch
 * Matrix's backend (vmBackend.ts). The caller (app.ts) has already checked Host, Origin and the
 * key. The method and path are the page's (the backend refuses what it does not serve); the body
 * must be JSON and small. The reply is the backend's status and body, unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, readBody, reject, sendRejection, type Rejection } from './http.js';
import { VM_PATH } from './standin/protocol.js';
import type { VmBackend } from './vmBackend.js';

/** The backend takes at most 256 KiB (its own limit): nothing larger is relayed. */
export const MAX_VM_BODY_BYTES = 256 * 1024;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Backend paths: letters, digits and - _ . / only (no query, no `..`, no encoded characters). */
const BACKEND_PATH = /^\/[A-Za-z0-9_./-]{0,200}$/;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export interface VmRouteDeps {
  readonly vm: VmBackend;
  readonly log?: (line: string) => void;
}

/** The backend path of an /api/vm/... request, or why it is refused. */
export function backendPath(pathname: string): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly rejection: Rejection } {
  const path = pathname.slice(VM_PATH.length);
  if (!BACKEND_PATH.test(path) || path.split('/').includes('..')) {
    return { ok: false, rejection: reject(400, 'bad-request', `Not a backend path: ${JSON.stringify(path.slice(0, 100))}.`) };
  }
  return { ok: true, path };
}

export function createVmRoute(deps: VmRouteDeps): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  const refuse = (res: ServerResponse, rejection: Rejection): void => {
    deps.log?.(`refused (${rejection.code}) vm.service: ${rejection.message}`);
    sendRejection(res, rejection);
  };
  return async (req, res, pathname) => {
    const method = req.method ?? 'GET';
    const target = backendPath(pathname);
    if (!METHODS.has(method) || !target.ok) {
      req.resume();
      return refuse(res, target.ok ? reject(405, 'method-not-allowed', `${method.slice(0, 16)} is not an HTTP method vm.service sends.`) : target.rejection);
    }
    const text = await readBody(req, MAX_VM_BODY_BYTES);
    if (!text.ok) {
      res.setHeader('connection', 'close');
      return refuse(res, text.error);
    }
    let body: unknown;
    if (text.value.trim() !== '') {
      const type = req.headers['content-type'];
      if (type === undefined || !JSON_TYPE.test(type)) return refuse(res, reject(415, 'unsupported-media-type', 'vm.service bodies are JSON.'));
      try {
        body = JSON.parse(text.value) as unknown;
      } catch {
        return refuse(res, reject(400, 'bad-request', 'The body is not valid JSON.'));
      }
    }
    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) controller.abort();
    };
    res.on('close', onClose);
    try {
      const reply = await deps.vm({ method, path: target.path, body }, controller.signal);
      if (res.headersSent || res.destroyed) return;
      res.writeHead(reply.status, {
        ...BASE_HEADERS,
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(reply.body),
        'cache-control': 'no-store',
      });
      res.end(method === 'HEAD' ? undefined : reply.body);
    } finally {
      res.off('close', onClose);
    }
  };
}
