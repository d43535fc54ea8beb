/** The backend's settings from its environment. */
import { err, ok, type Result } from '../core/result.js';
import { DEFAULT_SOCKET_PATH } from '../wire/backendApi.js';
import { checkSocketPath } from './socketFile.js';

export interface BackendConfig {
  readonly socketPath: string;
  readonly concurrency: number;
}

export const SOCKET_ENV = 'ARCHMATRIX_BACKEND_SOCKET';
export const CONCURRENCY_ENV = 'ARCHMATRIX_BACKEND_CONCURRENCY';
const MAX_CONCURRENCY = 16;

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
  return ok({ socketPath: socket.value, concurrency });
}
