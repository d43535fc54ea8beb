/**
 * The one error reply of Arch Matrix's HTTP answers, and the one list of error names. Whoever refuses
 * or fails answers with it: the backend (its routes and its HTTP server on the socket), the
 * browser-mode server (/api/exec, /api/vm, the UI files). It is the shape Docker Desktop's vm.service
 * rejects with ({statusCode, name, message}), so the stand-in and the tab read one shape whoever
 * answered. Pure: no Node or browser API, so the server, the backend, the stand-in and the tab share it.
 */
import { isRecord } from '../core/json.js';

export const ERROR_NAMES = [
  // The request itself: nothing ran.
  'bad-request',
  'invalid-reference',
  'invalid-platform',
  'unsupported-media-type',
  'too-large',
  'not-found',
  'method-not-allowed',
  // Who asked (the browser-mode server's guards and allowlist).
  'unauthorized',
  'forbidden-host',
  'forbidden-origin',
  'forbidden-command',
  // Whether it can be served now.
  'busy',
  'not-implemented',
  'backend-down',
  'internal',
] as const;
export type ErrorName = (typeof ERROR_NAMES)[number];

/**
 * One refused entry of a POST /deep: an image reference ('invalid-reference') or a platform
 * ('invalid-platform').
 */
export interface ReferenceProblem {
  /** Position in `references` (or in `platforms`). */
  readonly index: number;
  readonly input: string;
  readonly reason: string;
}

/** Every non-2xx body. */
export interface ErrorReply {
  /** The HTTP status it is sent with. */
  readonly statusCode: number;
  readonly name: ErrorName;
  /** One sentence for people: what the tab and the terminal show. */
  readonly message: string;
  /** For 'invalid-reference' and 'invalid-platform': every refused entry and why. */
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

/**
 * The `name` and `message` of an error reply read back from untrusted JSON (another process,
 * possibly another version): each one only when it is a string. Never throws.
 */
export function readErrorFields(value: unknown): { readonly name?: string; readonly message?: string } {
  if (!isRecord(value)) return {};
  const { name, message } = value;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}
