/**
 * A request the browser-mode server refuses (no command ran): the one ErrorReply of
 * src/wire/errors.ts, whatever the route (/api/exec, /api/vm, the UI files), so the stand-in and
 * the tab read one shape.
 */
import type { ServerResponse } from 'node:http';
import { sendErrorReply } from '../http/reply.js';
import { errorReply, type ErrorName, type ErrorReply } from '../wire/errors.js';

export type Rejection = ErrorReply;

/** The HTTP status, the error name and a reason for people. */
export const reject = (status: number, name: ErrorName, message: string): Rejection =>
  errorReply(status, name, message);

export function sendRejection(res: ServerResponse, rejection: Rejection): void {
  sendErrorReply(res, rejection);
}
