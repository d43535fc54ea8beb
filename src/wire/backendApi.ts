/**
 * The backend's HTTP API, as types both sides share: the service in Docker Desktop's VM
 * (src/backend) and whoever calls it (the tab through ddClient.extension.vm.service, browser
 * mode's stand-in, tests). No Node or browser API here.
 *
 *   GET    /health        -> 200 HealthReply
 *   POST   /deep          {references: string[]} -> 202 DeepJobSnapshot (poll it), or an ErrorReply
 *   GET    /deep/<id>     -> 200 DeepJobSnapshot (each poll keeps the job alive)
 *   DELETE /deep/<id>     -> 200 DeepJobSnapshot, state 'cancelled' (running checks are aborted)
 *
 * Every non-2xx answer is an ErrorReply (errors.ts). vm.service returns parsed JSON only (no
 * streaming), so progress is polled: a job nobody polls for `abandonAfterMs` is cancelled as 'abandoned'.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export const HEALTH_PATH = '/health';
export const DEEP_PATH = '/deep';
/** Job ids are the backend's own (UUIDs); anything else cannot name a job (DEEP_PATH/<id>). */
export const JOB_ID = /^[0-9a-f-]{1,64}$/;
/** The socket's file name in /run/guest-services (metadata.json `vm.exposes.socket`). */
const SOCKET_NAME = 'archmatrix.sock';
export const DEFAULT_SOCKET_PATH = `/run/guest-services/${SOCKET_NAME}`;

export type DeepItemState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type DeepJobState = 'running' | 'done' | 'cancelled';
export type CancelReason = 'client' | 'abandoned' | 'shutdown';

export interface ItemError {
  /** e.g. 'timeout', 'bad-result', or the thrown error's name. */
  readonly name: string;
  readonly message: string;
}

export interface DeepItemSnapshot {
  /** As the request gave it. */
  readonly reference: string;
  /** parseReference's canonical form: what the deep check ran on. */
  readonly canonical: string;
  readonly state: DeepItemState;
  /** The latest progress the deep check reported (while running, and kept after). */
  readonly progress?: JsonValue;
  /** The deep check's result, when state is 'done'. */
  readonly result?: JsonValue;
  /** Why, when state is 'failed'. */
  readonly error?: ItemError;
}

export interface DeepJobSnapshot {
  readonly id: string;
  readonly state: DeepJobState;
  readonly cancelReason?: CancelReason;
  /** In the request's order. */
  readonly items: readonly DeepItemSnapshot[];
  /** How long a caller should wait before the next GET /deep/<id>. */
  readonly pollAfterMs: number;
}

export interface HealthReply {
  readonly status: 'ok';
  readonly service: 'archmatrix-backend';
  readonly version: string;
  /** process.version and process.arch of the backend, e.g. "v22.23.5", "arm64". */
  readonly node: string;
  readonly arch: string;
  readonly deepCheck: 'available' | 'unavailable';
  readonly jobs: { readonly running: number; readonly queuedItems: number };
}
