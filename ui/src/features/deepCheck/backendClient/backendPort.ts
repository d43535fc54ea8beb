/**
 * The tab's port to Arch Matrix's backend (src/backend, in Docker Desktop's VM): start a deep-check
 * job, poll it, cancel it. Every answer is a typed Result: the tab never sees a throw, and "the
 * backend is down or slow" is a value the rows show (the platform matrix is unaffected).
 */
import type { Result } from '@core/index.js';
import type { DeepJobSnapshot, DeepSource } from '@wire/backendApi.js';

/**
 * - no-backend:  this host has no vm.service for the extension (an old Docker Desktop, a stand-in without one);
 * - down:        the backend did not answer, answered too late, or its proxy says it is not running;
 * - busy:        the backend has too many checks queued (429): try again later;
 * - refused:     the backend refused the request (400: e.g. a reference it does not accept);
 * - unavailable: the backend runs but has no deep check (501);
 * - job-lost:    the job is unknown (404): the backend restarted; a new job recovers;
 * - malformed:   the answer is not what the backend's API says;
 * - error:       anything else (500 internal, another status).
 */
export const BACKEND_FAILURE_KINDS = [
  'no-backend',
  'down',
  'busy',
  'refused',
  'unavailable',
  'job-lost',
  'malformed',
  'error',
] as const;
export type BackendFailureKind = (typeof BACKEND_FAILURE_KINDS)[number];

export interface BackendFailure {
  readonly kind: BackendFailureKind;
  /** The HTTP status when one came back. */
  readonly statusCode?: number;
  /** One sentence for people. */
  readonly message: string;
}

export type BackendAnswer = Result<DeepJobSnapshot, BackendFailure>;

/** POST /deep's options: where to read (default the registry, every variant), and which variants from it. */
export interface DeepRequestOptions {
  readonly source: DeepSource;
  readonly platforms?: readonly string[];
}

export interface BackendPort {
  /** POST /deep: one job for these references. */
  startDeep(references: readonly string[], options?: DeepRequestOptions): Promise<BackendAnswer>;
  /** GET /deep/<id>. */
  pollDeep(id: string): Promise<BackendAnswer>;
  /** DELETE /deep/<id>. */
  cancelDeep(id: string): Promise<BackendAnswer>;
}
