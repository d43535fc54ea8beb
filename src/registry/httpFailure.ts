/** Registry answers and network errors, as the FailureKind vocabulary the rest of Arch Matrix speaks. */
import type { CommandFailure, FailureKind } from '../core/types.js';
import { linkLocalRefusalIn } from './linkLocalAddress.js';

/** Thrown inside the registry layer only; readVariantFiles turns it into a typed result. */
export class RegistryFailure extends Error {
  constructor(readonly failure: CommandFailure) {
    super(failure.message);
    this.name = 'RegistryFailure';
  }
}

export const failure = (kind: FailureKind, message: string): RegistryFailure => new RegistryFailure({ kind, message });

/** The part of a registry error body people can read: `{"errors":[{"code":..,"message":..}]}` or a short text. */
function bodyDetail(body: string): string {
  try {
    const doc = JSON.parse(body) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = Array.isArray(doc.errors) ? doc.errors[0] : undefined;
    if (first && (typeof first.code === 'string' || typeof first.message === 'string')) {
      return [first.code, first.message]
        .filter((v): v is string => typeof v === 'string')
        .join(': ')
        .slice(0, 200);
    }
  } catch {
    // not JSON: fall through
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A failed HTTP answer: the message names the method, URL and status so people (and hostInMessage) can act on it. */
export function statusFailure(
  method: string,
  url: URL,
  status: number,
  statusText: string,
  body: string,
): RegistryFailure {
  const where = `${method} ${url.origin}${url.pathname}`;
  const detail = bodyDetail(body);
  const text = `${where}: ${status}${statusText ? ` ${statusText}` : ''}${detail ? ` (${detail})` : ''}`;
  if (status === 401) return failure('unauthorized', `${text}: unauthorized, authentication required`);
  if (status === 403) return failure('unauthorized', `${text}: denied`);
  if (status === 404) return failure('not-found', `${text}: not found`);
  if (status === 429) return failure('rate-limited', `${text}: too many requests`);
  if (status === 502 || status === 503 || status === 504)
    return failure('unreachable', `${text}: the registry is unavailable`);
  return failure('error', text);
}

function causeCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return causeCode((e as { cause?: unknown }).cause);
}

/** A fetch that threw: a refused address, deadline, cancel, or a network error. */
export function thrownFailure(
  method: string,
  url: URL,
  e: unknown,
  signals: { deadline: AbortSignal; cancel?: AbortSignal | undefined },
): RegistryFailure {
  if (e instanceof RegistryFailure) return e;
  const where = `${method} ${url.origin}${url.pathname}`;
  // The connection refused the address its host name resolved to (linkLocalGuard.ts): that, not "fetch failed".
  const refusal = linkLocalRefusalIn(e);
  if (refusal !== undefined) return failure('error', `${where}: ${refusal.message}`);
  // The deadline first: a cancel signal may itself include the deadline (AbortSignal.any), so both are aborted then.
  if (signals.deadline.aborted) return failure('timeout', `${where}: timed out (the per-image deadline passed)`);
  if (signals.cancel?.aborted) return failure('cancelled', `${where}: cancelled`);
  const code = causeCode(e);
  const reason = e instanceof Error ? e.message : String(e);
  return failure(
    'unreachable',
    `${where}: ${code ? `${code}: ` : ''}${reason === 'fetch failed' && code ? 'connection failed' : reason}`,
  );
}
