/** The backend's settings from its environment. */
import { err, ok, type Result } from '../core/result.js';
import { DEFAULT_SOCKET_PATH } from '../wire/backendApi.js';
import { checkSocketPath } from './socketFile.js';

export interface BackendConfig {
  readonly socketPath: string;
  readonly concurrency: number;
  /** Each image's whole deep check; undefined: the deep check's default (120 s). */
  readonly deadlineMs?: number;
}

export const SOCKET_ENV = 'ARCHMATRIX_BACKEND_SOCKET';
export const CONCURRENCY_ENV = 'ARCHMATRIX_BACKEND_CONCURRENCY';
/** Whole seconds, e.g. "20": how long one image's deep check may take (tests and slow registries). */
export const DEADLINE_ENV = 'ARCHMATRIX_BACKEND_DEADLINE';
const MAX_CONCURRENCY = 16;
const MAX_DEADLINE_SECONDS = 600;

export function readBackendConfig(env: Readonly<Record<string, string | undefined>>): Result<BackendConfig, string> {
  const socket = checkSocketPath(env[SOCKET_ENV] ?? DEFAULT_SOCKET_PATH);
  if (!socket.ok) return err(`${SOCKET_ENV}: ${socket.error}`);
  const rawConcurrency = env[CONCURRENCY_ENV] ?? '4';
  const concurrency = /^[0-9]{1,2}$/.test(rawConcurrency) ? Number(rawConcurrency) : Number.NaN;
  if (!(concurrency >= 1 && concurrency <= MAX_CONCURRENCY)) {
    return err(
      `${CONCURRENCY_ENV} must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${rawConcurrency.slice(0, 20)}"`,
    );
  }
  const rawDeadline = env[DEADLINE_ENV];
  if (rawDeadline === undefined) return ok({ socketPath: socket.value, concurrency });
  const seconds = /^[0-9]{1,3}$/.test(rawDeadline) ? Number(rawDeadline) : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_DEADLINE_SECONDS)) {
    return err(
      `${DEADLINE_ENV} must be a whole number of seconds from 1 to ${MAX_DEADLINE_SECONDS}, not "${rawDeadline.slice(0, 20)}"`,
    );
  }
  return ok({ socketPath: socket.value, concurrency, deadlineMs: seconds * 1000 });
}
