/**
 * The registry client's default network: undici's fetch over an Agent of its own, whose connections resolve
 * their host names with linkLocalGuard.ts' connectLookup, so a name that resolves to a link-local address is
 * refused by the connection itself (Node's global fetch gives no such hook). Redirects stay the client's: it
 * asks for `redirect: 'manual'` and follows them by hand, each hop a request of its own.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { connectLookup, systemLookup, type HostLookup } from './linkLocalGuard.js';
import type { FetchLike } from './request.js';

/** The request bodies the registry client sends: none, or a token request's form. */
function textBody(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError('the registry network sends text and form bodies only');
}

/**
 * A fetch whose connections resolve host names with `lookup` and refuse link-local answers. It passes on what
 * the registry client's requests carry: method, headers, a text or form body, redirect mode and signal.
 */
export function guardedFetch(lookup: HostLookup): FetchLike {
  const dispatcher = new Agent({ connect: { lookup: connectLookup(lookup) } });
  return async (input, init) => {
    const body = textBody(init.body);
    const res = await undiciFetch(input, {
      dispatcher,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers)),
      ...(body !== undefined ? { body } : {}),
      redirect: init.redirect ?? 'follow',
      signal: init.signal ?? null,
    });
    // undici's Response is the fetch standard's, its body a web ReadableStream of Node's; only the type
    // declarations differ (node:stream/web against the DOM lib the UI and tests are checked with).
    return res as unknown as Response;
  };
}

let shared: FetchLike | undefined;

/** The system resolver's guarded fetch, made on first use: one connection pool for the process, as the global fetch has. */
export function defaultNetwork(): FetchLike {
  shared ??= guardedFetch(systemLookup);
  return shared;
}
