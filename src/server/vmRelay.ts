/**
 * The relay of browser mode's `ddClient.extension.vm.service` requests to Arch Matrix's
 * backend, either in this process (the default: `npm start` needs no image) or a running backend's
 * Unix socket (ARCHMATRIX_BACKEND_SOCKET: e.g. the packaged image run as a container). Either way
 * the answer is the backend's status and JSON body text, unchanged, as Docker Desktop's proxy to
 * /run/guest-services/<socket> gives it. A socket nobody answers on becomes a 503 the tab shows as
 * "backend down" on the affected rows.
 */
import { request as httpRequest } from 'node:http';
import { SOCKET_ENV } from '../backend/config.js';
import type { Router } from '../backend/router.js';
import { errorReply } from '../wire/errors.js';

export interface VmRequest {
  readonly method: string;
  /** The backend path, e.g. "/deep/<id>" (already checked by the route). */
  readonly path: string;
  /** The parsed JSON body; undefined when there was none. */
  readonly body?: unknown;
}

export interface VmReply {
  readonly status: number;
  /** The backend's JSON body, as text. */
  readonly body: string;
}

/** Carries one vm.service request to the backend and brings back its status and body. */
export type VmRelay = (request: VmRequest, signal: AbortSignal) => Promise<VmReply>;

/** The status the server answers with when no backend answered. */
const BACKEND_DOWN_STATUS = 503;

const down = (message: string): VmReply => ({
  status: BACKEND_DOWN_STATUS,
  body: JSON.stringify(errorReply(BACKEND_DOWN_STATUS, 'backend-down', message)),
});

/** The relay to the backend's router in this process. */
export function inProcessRelay(handle: Router): VmRelay {
  return (request) => {
    const reply = handle({ method: request.method, path: request.path, body: request.body });
    return Promise.resolve({ status: reply.status, body: JSON.stringify(reply.body) });
  };
}

/** What to do when the backend's socket does not answer: start a backend there, or use the one in-process. */
const startHint = (socketPath: string): string =>
  `start it with \`${SOCKET_ENV}=${socketPath} node dist/node/backend/main.js\`, or unset ${SOCKET_ENV} to use the backend inside \`npm start\``;

/** Largest backend answer relayed (a job of 256 deep results stays far below). */
const MAX_BACKEND_REPLY_BYTES = 16 * 1024 * 1024;

/** The relay to a running backend on a Unix socket; `timeoutMs` bounds each request. */
export function socketRelay(socketPath: string, timeoutMs: number): VmRelay {
  return (request, signal) =>
    new Promise<VmReply>((resolve) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      let settled = false;
      const finish = (reply: VmReply): void => {
        if (settled) return;
        settled = true;
        resolve(reply);
      };
      const outgoing = httpRequest(
        {
          socketPath,
          method: request.method,
          path: request.path,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
          timeout: timeoutMs,
          signal,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BACKEND_REPLY_BYTES) {
              incoming.destroy();
              finish(down(`the backend's answer is larger than ${MAX_BACKEND_REPLY_BYTES} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          incoming.on('end', () =>
            finish({ status: incoming.statusCode ?? 502, body: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', () => finish(down('the backend closed the connection mid-answer')));
        },
      );
      outgoing.on('timeout', () => {
        outgoing.destroy();
        finish(down(`the backend on ${socketPath} did not answer within ${Math.round(timeoutMs / 1000)} s`));
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const why =
          error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
            ? 'is not running'
            : `could not be reached (${error.code ?? error.message})`;
        finish(down(`Arch Matrix's backend on ${socketPath} ${why}: ${startHint(socketPath)}`));
      });
      outgoing.end(payload);
    });
}
