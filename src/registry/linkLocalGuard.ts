/**
 * No request goes to a link-local address (169.254.0.0/16, fe80::/10, IPv4 link-local written as IPv6-mapped),
 * whatever name leads there: where cloud metadata services answer, never a registry. endpoint.ts refuses such
 * addresses written in a URL; this refuses a host NAME whose DNS answer holds one. The name is resolved (node:dns
 * lookup, every address) just before each request: the registry's own, each redirect hop and a token realm are
 * requests of their own, so each is checked.
 *
 * The connection resolves the name again: a name whose answer changes between the two lookups (DNS rebinding with a
 * zero TTL) is not caught here. Closing that needs the lookup hook of the connection itself (an undici Agent's
 * `connect.lookup`), which Node's global fetch does not expose without the undici package.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { failure } from './httpFailure.js';
import type { FetchLike } from './request.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Every address a host name resolves to (as node:dns lookup gives them). */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system's resolver, as the connection itself uses it (getaddrinfo: /etc/hosts, then DNS). */
export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
// BlockList matches IPv4-mapped IPv6 addresses (::ffff:169.254.x.y) against the IPv4 subnet too.
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

/** True for a resolved link-local address, a zone id ("fe80::1%eth0") allowed. */
export function isLinkLocalAddress(address: string): boolean {
  const plain = address.split('%')[0] ?? '';
  const family = isIP(plain);
  if (family === 4) return LINK_LOCAL.check(plain, 'ipv4');
  if (family === 6) return LINK_LOCAL.check(plain, 'ipv6');
  return false;
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
export function refuseLinkLocal(fetchLike: FetchLike, lookup: HostLookup = systemLookup): FetchLike {
  return async (input, init) => {
    const host = input.hostname.replace(/^\[(.*)\]$/, '$1');
    // Addresses written in the URL are endpoint.ts's: they need no lookup.
    if (isIP(host) === 0) {
      const answers = await resolve(lookup, host, init.signal);
      const bad = answers?.find((a) => isLinkLocalAddress(a.address));
      if (bad !== undefined)
        throw failure(
          'error',
          `${init.method ?? 'GET'} ${input.origin}${input.pathname}: refused: ${host} resolves to ${bad.address}, a link-local address (never a registry: cloud metadata services answer there)`,
        );
    }
    return fetchLike(input, init);
  };
}
