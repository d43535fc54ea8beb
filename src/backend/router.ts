/**
 * The backend's routes, free of any transport: a request (method, path, parsed JSON body) in, a
 * status and a JSON body out. The HTTP server on the Unix socket (httpServer.ts) and browser
 * mode's in-process stand-in for vm.service both call this.
 */
import { DEEP_PATH, HEALTH_PATH, JOB_ID, type DeepJobSnapshot, type HealthReply } from '../wire/backendApi.js';
import { errorReply, type ErrorReply } from '../wire/errors.js';
import type { EngineHealth } from './backendEngine.js';
import { parseDeepRequest } from './deepRequest.js';
import type { JobStore } from './jobs.js';

export interface BackendRequest {
  readonly method: string;
  /** The request target; a query string is ignored. */
  readonly path: string;
  /** The parsed JSON body; undefined when there was none. */
  readonly body?: unknown;
}

export interface BackendReply {
  readonly status: number;
  readonly body: HealthReply | DeepJobSnapshot | ErrorReply;
  /** For 405: the methods the path allows. */
  readonly allow?: string;
}

export interface RouterOptions {
  /** Undefined until the deep check is wired: POST /deep then answers 501. */
  readonly jobs: JobStore | undefined;
  readonly info: { readonly version: string; readonly node: string; readonly arch: string };
  /** Whether this machine's engine can be read (source "local"); undefined: this backend reads no engine. */
  readonly engine?: () => EngineHealth;
}

const NO_ENGINE: EngineHealth = { engine: 'unavailable', engineReason: 'this backend was started without an engine' };

const fail = (reply: ErrorReply, allow?: string): BackendReply => ({ status: reply.statusCode, body: reply, allow });
const notAllowed = (method: string, path: string, allow: string): BackendReply =>
  fail(
    errorReply(405, 'method-not-allowed', `${method.slice(0, 16)} is not allowed on ${path}; allowed: ${allow}.`),
    allow,
  );
const noJob = (id: string): BackendReply =>
  fail(
    errorReply(
      404,
      'not-found',
      `No deep-check job "${id.slice(0, 64)}": it finished long ago, was never created, or the backend restarted. Start a new one with POST ${DEEP_PATH}.`,
    ),
  );
const unavailable = (): BackendReply => fail(errorReply(501, 'not-implemented', 'deep check not available yet'));

export type Router = (request: BackendRequest) => BackendReply;

export function createRouter(options: RouterOptions): Router {
  const { jobs, info } = options;
  const engine = options.engine ?? ((): EngineHealth => NO_ENGINE);

  const health = (): BackendReply => ({
    status: 200,
    body: {
      status: 'ok',
      service: 'archmatrix-backend',
      version: info.version,
      node: info.node,
      arch: info.arch,
      deepCheck: jobs === undefined ? 'unavailable' : 'available',
      ...engine(),
      jobs: jobs?.counts() ?? { running: 0, queuedItems: 0 },
    },
  });

  const startJob = (body: unknown): BackendReply => {
    // Validated first, even while the deep check is not available: a hostile reference is always a 400.
    const request = parseDeepRequest(body);
    if (!request.ok) return fail(request.error);
    if (jobs === undefined) return unavailable();
    const created = jobs.create(request.value);
    return created.ok ? { status: 202, body: created.value } : fail(created.error);
  };

  const jobRoute = (method: string, id: string): BackendReply => {
    if (jobs === undefined) return unavailable();
    if (method === 'GET') {
      const job = JOB_ID.test(id) ? jobs.poll(id) : undefined;
      return job === undefined ? noJob(id) : { status: 200, body: job };
    }
    if (method === 'DELETE') {
      const job = JOB_ID.test(id) ? jobs.cancel(id, 'client') : undefined;
      return job === undefined ? noJob(id) : { status: 200, body: job };
    }
    return notAllowed(method, `${DEEP_PATH}/<id>`, 'GET, DELETE');
  };

  return (request) => {
    const path = request.path.split('?')[0] ?? '';
    if (path === HEALTH_PATH) return request.method === 'GET' ? health() : notAllowed(request.method, path, 'GET');
    if (path === DEEP_PATH)
      return request.method === 'POST' ? startJob(request.body) : notAllowed(request.method, path, 'POST');
    if (path.startsWith(`${DEEP_PATH}/`)) return jobRoute(request.method, path.slice(DEEP_PATH.length + 1));
    return fail(
      errorReply(
        404,
        'not-found',
        `No route ${request.method.slice(0, 16)} ${path.slice(0, 100)}; the backend answers GET ${HEALTH_PATH}, POST ${DEEP_PATH}, GET and DELETE ${DEEP_PATH}/<id>.`,
      ),
    );
  };
}
