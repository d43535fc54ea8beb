/** What can go wrong talking to an engine, typed, each with one sentence for people. */

export const ENGINE_FAILURE_KINDS = [
  /** DOCKER_HOST is not a Unix socket on this machine (tcp://, ssh://, npipe://...). */
  'unsupported-host',
  /** No socket file where the engine should be. */
  'no-socket',
  /** The socket exists but nothing answers on it, or it may not be opened. */
  'unreachable',
  /** The engine does not hold the image (or not this machine's platform of it). */
  'not-found',
  /** The engine's API is older than the allowlist accepts. */
  'api-too-old',
  /** The engine no longer accepts any API version the allowlist knows. */
  'api-too-new',
  /** The request is not on the allowlist: it never reached the socket. */
  'refused',
  'timeout',
  'cancelled',
  /** The answer is larger than the call's byte cap. */
  'too-large',
  /** The engine answered with an error status. */
  'engine-error',
  /** The answer cannot be understood (not JSON, wrong shape, cut short). */
  'bad-answer',
] as const;
export type EngineFailureKind = (typeof ENGINE_FAILURE_KINDS)[number];

export interface EngineFailure {
  readonly kind: EngineFailureKind;
  readonly message: string;
  /** The HTTP status, when the engine answered. */
  readonly status?: number;
}

/** An EngineFailure carried by a thrown error or a failed stream. */
export class EngineError extends Error {
  readonly failure: EngineFailure;
  constructor(failure: EngineFailure) {
    super(failure.message);
    this.name = 'EngineError';
    this.failure = failure;
  }
}

export const engineFailure = (kind: EngineFailureKind, message: string, status?: number): EngineFailure =>
  status === undefined ? { kind, message } : { kind, message, status };

/** The failure an error stands for; anything unexpected is 'unreachable' with its message. */
export function failureOf(e: unknown): EngineFailure {
  if (e instanceof EngineError) return e.failure;
  return engineFailure('unreachable', e instanceof Error ? e.message : String(e));
}
