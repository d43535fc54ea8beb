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
 * Every non-2xx answer is an ErrorReply. vm.service returns parsed JSON only (no streaming), so
 * progress is polled: a job nobody polls for `abandonAfterMs` is cancelled as 'abandoned'.
 */
import type { ImageReference } from '../core/types.js';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export const HEALTH_PATH = '/health';
export const DEEP_PATH = '/deep';
/** Job ids are the backend's own (UUIDs); anything else cannot name a job (DEEP_PATH/<id>). */
export const JOB_ID = /^[0-9a-f-]{1,64}$/;
/** The socket's file name in /run/guest-services (metadata.json `vm.exposes.socket`). */
const SOCKET_NAME = 'archmatrix.sock';
export const DEFAULT_SOCKET_PATH = `/run/guest-services/${SOCKET_NAME}`;

/** What the deep check gets besides the reference: cancel and a way to report progress. */
export interface DeepCheckContext {
  /** Aborted on DELETE, when the job is abandoned, on the per-reference deadline, on shutdown. */
  readonly signal: AbortSignal;
  /** The latest progress is what GET /deep/<id> shows, e.g. {bytesRead, bytesTotal}. */
  readonly onProgress: (progress: JsonValue) => void;
}

/** The deep check of one validated reference: its JSON result, or a thrown Error (name, message). */
export type DeepCheck = (reference: ImageReference, context: DeepCheckContext) => Promise<JsonValue>;

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

export const ERROR_NAMES = [
  'bad-request',
  'invalid-reference',
  'not-found',
  'method-not-allowed',
  'unsupported-media-type',
  'too-large',
  'busy',
  'not-implemented',
  'internal',
] as const;
export type ErrorName = (typeof ERROR_NAMES)[number];

export interface ReferenceProblem {
  /** Position in `references`. */
  readonly index: number;
  readonly input: string;
  readonly reason: string;
}

/** Every non-2xx body (the shape ddClient's vm.service rejects with). */
export interface ErrorReply {
  readonly statusCode: number;
  readonly name: ErrorName;
  readonly message: string;
  /** For 'invalid-reference': every refused reference and why. */
  readonly reasons?: readonly ReferenceProblem[];
}

export const errorReply = (
  statusCode: number,
  name: ErrorName,
  message: string,
  reasons?: readonly ReferenceProblem[],
): ErrorReply => ({
  statusCode,
  name,
  message,
  reasons,
});
