/**
 * The one place that talks to the engine's socket: node:http over a Unix socket. It checks the request
 * against the allowlist first (a refused request never opens the socket), sends a GET without a body,
 * and ends the request when the call's signal aborts. The answer's body is handed on as a stream.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { isAllowedEngineRequest } from './engineCalls.js';
import { EngineError, engineFailure, type EngineFailure } from './engineFailure.js';

export interface EngineAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body; destroyed (with the abort's EngineError) when the signal aborts. */
  readonly body: Readable;
}

/** One request as sent, for the caller's record (tests check every one is on the allowlist). */
export interface EngineRequestRecord {
  readonly method: 'GET';
  readonly path: string;
}

export interface EngineGetOptions {
  /** Aborts the request and its answer's body; `abortFailure` says why (timeout or cancelled). */
  readonly signal: AbortSignal;
  readonly abortFailure: () => EngineFailure;
  readonly onRequest?: (record: EngineRequestRecord) => void;
}

function connectFailure(e: unknown, socketPath: string): EngineFailure {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return engineFailure('no-socket', `there is no engine socket at ${socketPath}`);
  if (code === 'EACCES' || code === 'EPERM')
    return engineFailure('unreachable', `the engine socket ${socketPath} may not be opened by this user (${message})`);
  if (code === 'ECONNREFUSED')
    return engineFailure('unreachable', `nothing answers on the engine socket ${socketPath}`);
  return engineFailure('unreachable', `the engine socket ${socketPath} failed: ${message}`);
}

/** GET `path` on the engine at `socketPath`; rejects with an EngineError. */
export function engineGet(socketPath: string, path: string, options: EngineGetOptions): Promise<EngineAnswer> {
  if (!isAllowedEngineRequest('GET', path)) {
    return Promise.reject(
      new EngineError(engineFailure('refused', `GET ${path.slice(0, 200)} is not on the Engine API allowlist`)),
    );
  }
  if (options.signal.aborted) return Promise.reject(new EngineError(options.abortFailure()));
  options.onRequest?.({ method: 'GET', path });
  return new Promise<EngineAnswer>((resolve, reject) => {
    let answered: Readable | undefined;
    const req = request({
      socketPath,
      path,
      method: 'GET',
      headers: { Host: 'docker', Accept: 'application/json, application/x-tar' },
    });
    const onAbort = (): void => {
      const error = new EngineError(options.abortFailure());
      req.destroy(error);
      answered?.destroy(error);
      reject(error);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => options.signal.removeEventListener('abort', onAbort);
    req.on('error', (e) => {
      done();
      reject(e instanceof EngineError ? e : new EngineError(connectFailure(e, socketPath)));
    });
    req.on('response', (res) => {
      answered = res;
      res.once('close', done);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    req.end();
  });
}
