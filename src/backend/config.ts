/** The backend's settings from its environment. */
import { isAbsolute } from 'node:path';
import { err, ok, type Result } from '../core/result.js';
import { DEFAULT_SOCKET_PATH } from '../wire/backendApi.js';
import type { EngineSocket } from './backendEngine.js';
import { checkSocketPath } from './socketFile.js';

export interface BackendConfig {
  readonly socketPath: string;
  readonly concurrency: number;
  /** The engine's socket for source "local" (Docker Desktop mounts it where the compose file says). */
  readonly engineSocket: EngineSocket;
  /** Each image's whole deep check; undefined: the deep check's default (120 s). */
  readonly deadlineMs?: number;
}

export const SOCKET_ENV = 'ARCHMATRIX_BACKEND_SOCKET';
export const CONCURRENCY_ENV = 'ARCHMATRIX_BACKEND_CONCURRENCY';
/** The engine's socket; "none" turns the local image store off. */
export const ENGINE_SOCKET_ENV = 'ARCHMATRIX_ENGINE_SOCKET';
/** Where Docker Desktop mounts the host engine's socket into a backend container whose compose file asks. */
export const DESKTOP_ENGINE_SOCKET = '/var/run/docker.sock.raw';
/** Whole seconds, e.g. "20": how long one image's deep check may take (tests and slow registries). */
export const DEADLINE_ENV = 'ARCHMATRIX_BACKEND_DEADLINE';
const MAX_CONCURRENCY = 16;
const MAX_DEADLINE_SECONDS = 600;

function engineSocketOf(value: string | undefined): Result<EngineSocket, string> {
  const path = (value ?? DESKTOP_ENGINE_SOCKET).trim();
  if (path === 'none') return ok({ kind: 'none', reason: `${ENGINE_SOCKET_ENV}=none: this backend reads no engine` });
  if (!isAbsolute(path) || path.includes('\0') || path.length > 200)
    return err(`${ENGINE_SOCKET_ENV} must be an absolute socket path or "none", not "${path.slice(0, 40)}"`);
  return ok({ kind: 'unix', socketPath: path });
}

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
  const engineSocket = engineSocketOf(env[ENGINE_SOCKET_ENV]);
  if (!engineSocket.ok) return err(engineSocket.error);
  const base = { socketPath: socket.value, concurrency, engineSocket: engineSocket.value };
  const rawDeadline = env[DEADLINE_ENV];
  if (rawDeadline === undefined) return ok(base);
  const seconds = /^[0-9]{1,3}$/.test(rawDeadline) ? Number(rawDeadline) : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_DEADLINE_SECONDS)) {
    return err(
      `${DEADLINE_ENV} must be a whole number of seconds from 1 to ${MAX_DEADLINE_SECONDS}, not "${rawDeadline.slice(0, 20)}"`,
    );
  }
  return ok({ ...base, deadlineMs: seconds * 1000 });
}
