/**
 * POSTs one command to the browser-mode server and checks the answer's shape. Never rejects:
 * a refusal (the server's ErrorReply, src/wire/errors.ts), a dead server or an abort come back as
 * a typed failure.
 */
import { isRecord } from '../../core/json.js';
import { readErrorFields } from '../../wire/errors.js';
import { CLIENT_HEADER, EXEC_PATH, KEY_HEADER, type ExecBody, type ExecReply } from '../../wire/standinProtocol.js';

export type TransportFailureKind = 'unauthorized' | 'refused' | 'unreachable' | 'aborted' | 'malformed';

export type TransportResult =
  | { readonly ok: true; readonly reply: ExecReply }
  | { readonly ok: false; readonly kind: TransportFailureKind; readonly message: string };

export type PostExec = (body: ExecBody, signal: AbortSignal) => Promise<TransportResult>;

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const INTERRUPTIONS = ['timeout', 'cancelled', 'spawn-failed'] as const;

export function parseReply(value: unknown): ExecReply | undefined {
  if (!isRecord(value)) return undefined;
  const { argv, stdout, stderr, exitCode, interrupted } = value;
  if (!Array.isArray(argv) || !argv.every((arg): arg is string => typeof arg === 'string')) return undefined;
  if (typeof stdout !== 'string' || typeof stderr !== 'string') return undefined;
  if (exitCode !== null && typeof exitCode !== 'number') return undefined;
  const stop = INTERRUPTIONS.find((known) => known === interrupted);
  if (interrupted !== undefined && stop === undefined) return undefined;
  return { argv, stdout, stderr, exitCode, interrupted: stop };
}

/** `pageId` (random per page load) lets the server cap this page's commands in flight apart from other pages'. */
export function createTransport(fetchFn: FetchLike, key: string | undefined, pageId?: string): PostExec {
  return async (body, signal) => {
    let response: Response;
    let payload: unknown;
    try {
      response = await fetchFn(EXEC_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key === undefined ? {} : { [KEY_HEADER]: key }),
          ...(pageId === undefined ? {} : { [CLIENT_HEADER]: pageId }),
        },
        body: JSON.stringify(body),
        signal,
        credentials: 'omit',
      });
      payload = await response.json();
    } catch (error) {
      if (signal.aborted) return { ok: false, kind: 'aborted', message: 'the command was stopped' };
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        kind: 'unreachable',
        message: `the Arch Matrix browser-mode server did not answer (${reason}); is \`npm start\` still running?`,
      };
    }
    if (!response.ok) {
      const message = readErrorFields(payload).message ?? `the browser-mode server answered HTTP ${response.status}`;
      return { ok: false, kind: response.status === 401 ? 'unauthorized' : 'refused', message };
    }
    const reply = parseReply(payload);
    return reply === undefined
      ? { ok: false, kind: 'malformed', message: 'the browser-mode server sent an answer of the wrong shape' }
      : { ok: true, reply };
  };
}
