import type { ErrorReply, RejectionCode } from './standin/protocol.js';

/** A refused request: the HTTP status and a reason for people. No command ran. */
export interface Rejection {
  readonly status: number;
  readonly code: RejectionCode;
  readonly message: string;
}

export const reject = (status: number, code: RejectionCode, message: string): Rejection => ({ status, code, message });

export const errorReply = (rejection: Rejection): ErrorReply => ({
  error: { code: rejection.code, message: rejection.message },
});
