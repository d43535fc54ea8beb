/**
 * Why this machine's variant could not be read from the engine's local image store, typed, with one
 * sentence for people. What the deep check does with each is its own choice (e.g. fall back to the
 * registry where the store cannot answer: unavailable, not-in-engine, engine-api).
 */
import type { CommandFailure } from '../core/index.js';
import type { EngineFailure } from '../engine/index.js';

export const LOCAL_FAILURE_KINDS = [
  /** No engine to read: no socket, nothing answers, or DOCKER_HOST is tcp:// / ssh://. */
  'unavailable',
  /** The engine's API is out of the allowlist's range. */
  'engine-api',
  /** The engine does not hold this variant (never pulled, removed since listing, another platform). */
  'not-in-engine',
  /** The export is larger than its cap. */
  'too-large',
  'timeout',
  'cancelled',
  /** The export ended before its end (cut short or a broken tar). */
  'truncated',
  /** A blob or layer whose bytes do not match its digest. */
  'digest-mismatch',
  /** Spooling failed on the disk (full, quota, or not writable). */
  'disk-full',
  /** The export is complete but not a layout this reader knows (no manifest for the variant, bad JSON). */
  'bad-export',
  /** The engine answered with an error. */
  'engine-error',
] as const;
export type LocalFailureKind = (typeof LOCAL_FAILURE_KINDS)[number];

export interface LocalFailure {
  readonly kind: LocalFailureKind;
  readonly message: string;
}

/** A LocalFailure thrown inside the local source and returned typed at its edge. */
export class LocalProblem extends Error {
  readonly failure: LocalFailure;
  constructor(kind: LocalFailureKind, message: string) {
    super(message);
    this.name = 'LocalProblem';
    this.failure = { kind, message };
  }
}

/** The deep check's failure kinds for the reader port. */
export function asCommandFailure(failure: LocalFailure): CommandFailure {
  const kind =
    failure.kind === 'not-in-engine'
      ? 'not-found'
      : failure.kind === 'unavailable'
        ? 'unreachable'
        : failure.kind === 'timeout' || failure.kind === 'cancelled'
          ? failure.kind
          : 'error';
  return { kind, message: `local image store: ${failure.message}` };
}

/** A failure of the engine client as a failure of the local source. */
export function engineProblem(failure: EngineFailure): LocalProblem {
  switch (failure.kind) {
    case 'unsupported-host':
    case 'no-socket':
    case 'unreachable':
      return new LocalProblem('unavailable', failure.message);
    case 'api-too-old':
    case 'api-too-new':
      return new LocalProblem('engine-api', failure.message);
    case 'not-found':
      return new LocalProblem('not-in-engine', failure.message);
    case 'timeout':
    case 'cancelled':
    case 'too-large':
      return new LocalProblem(failure.kind, failure.message);
    default:
      return new LocalProblem('engine-error', failure.message);
  }
}
