/**
 * No request goes to a link-local address (169.254.0.0/16, fe80::/10, IPv4 link-local written as IPv6-mapped),
 * whatever name leads there: where cloud metadata services answer, never a registry. endpoint.ts refuses such
 * addresses written in a URL; this refuses a host NAME whose answer holds one.
 *
 * The registry client's default network (guardedFetch.ts: undici's fetch over its own Agent) checks in the
 * connection itself: `connectLookup` is the lookup each new connection resolves its host name with, so the
 * address checked is the address connected to. A name whose answer changes between lookups (DNS rebinding with
 * a zero TTL) is caught too, and so is every request: the registry's own, each redirect hop and a token realm
 * (a kept-alive connection that is reused was checked when it was opened).
 *
 * An injected fetch (tests, the benchmark) brings its own network: `refuseLinkLocal` resolves the name (every
 * address) just before each of its requests instead, when the client is given a lookup. That check cannot see
 * the answer the injected fetch's own connection gets.
 */
import type { LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { failure } from './httpFailure.js';
import { isLinkLocalAddress, LinkLocalRefusal } from './linkLocalAddress.js';
import type { FetchLike } from './request.js';

export { isLinkLocalAddress, LinkLocalRefusal } from './linkLocalAddress.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** What a connection asks of its lookup besides the name (as net.connect passes them to dns.lookup). */
export interface LookupHints {
  readonly family?: LookupOptions['family'];
  readonly hints?: number;
}

/** Every address a host name resolves to (as node:dns lookup gives them with `all`). */
export type HostLookup = (hostname: string, hints?: LookupHints) => Promise<readonly ResolvedAddress[]>;

/** The system's resolver, as a connection uses it by default (getaddrinfo: /etc/hosts, then DNS). */
export const systemLookup: HostLookup = (hostname, hints) =>
  dnsLookup(hostname, { family: hints?.family ?? 0, hints: hints?.hints ?? 0, all: true, verbatim: true });

/**
 * A connection's lookup (net.connect's `lookup` option) over `lookup`: the connection fails with a
 * LinkLocalRefusal when any address the name resolves to is link-local, before anything is sent.
 */
export function connectLookup(lookup: HostLookup): LookupFunction {
  return (hostname, options, callback) => {
    const hints: LookupHints = {
      ...(options.family !== undefined ? { family: options.family } : {}),
      ...(options.hints !== undefined ? { hints: options.hints } : {}),
    };
    lookup(hostname, hints).then(
      (answers) => {
        const bad = answers.find((a) => isLinkLocalAddress(a.address));
        if (bad !== undefined) return callback(new LinkLocalRefusal(hostname, bad.address), '');
        if (options.all === true)
          return callback(
            null,
            answers.map((a) => ({ address: a.address, family: a.family })),
          );
        const first = answers[0];
        if (first === undefined)
          return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
        callback(null, first.address, first.family);
      },
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), ''),
    );
  };
}

/** The lookup's answer, or undefined when it failed (the fetch then fails the same way, with its own words). */
async function resolve(
  lookup: HostLookup,
  hostname: string,
  signal: AbortSignal | null | undefined,
): Promise<readonly ResolvedAddress[] | undefined> {
  signal?.throwIfAborted();
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    stop = () => reject(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
  });
  try {
    return await Promise.race([lookup(hostname).catch(() => undefined), aborted]);
  } finally {
    if (stop !== undefined) signal?.removeEventListener('abort', stop);
  }
}

/** `fetchLike`, refusing (a RegistryFailure) any URL whose host name resolves to a link-local address. */
export function refuseLinkLocal(fetchLike: FetchLike, lookup: HostLookup): FetchLike {
  return async (input, init) => {
    const host = input.hostname.replace(/^\[(.*)\]$/, '$1');
    // Addresses written in the URL are endpoint.ts's: they need no lookup.
    if (isIP(host) === 0) {
      const answers = await resolve(lookup, host, init.signal);
      const bad = answers?.find((a) => isLinkLocalAddress(a.address));
      if (bad !== undefined)
        throw failure(
          'error',
          `${init.method ?? 'GET'} ${input.origin}${input.pathname}: ${new LinkLocalRefusal(host, bad.address).message}`,
        );
    }
    return fetchLike(input, init);
  };
}
