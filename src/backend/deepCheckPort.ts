/**
 * The deep check as the backend's jobs run it: given to the backend (app.ts), implemented for real
 * by deepCheckService.ts and by fakes in tests. Backend-only: nothing of it crosses the wire.
 */
import type { ImageReference } from '../core/types.js';
import type { JsonValue } from '../wire/backendApi.js';
import type { DeepRead } from './deepReadRequest.js';

/** What the deep check gets besides the reference: cancel and a way to report progress. */
export interface DeepCheckContext {
  /** Aborted on DELETE, when the job is abandoned, on the per-reference deadline, on shutdown. */
  readonly signal: AbortSignal;
  /** The latest progress is what GET /deep/<id> shows, e.g. {bytesRead, bytesTotal}. */
  readonly onProgress: (progress: JsonValue) => void;
  /** Where the variants are read (POST /deep's source and platforms); undefined: every one from its registry. */
  readonly read?: DeepRead;
}

/** The deep check of one validated reference: its JSON result, or a thrown Error (name, message). */
export type DeepCheck = (reference: ImageReference, context: DeepCheckContext) => Promise<JsonValue>;
