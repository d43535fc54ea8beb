/**
 * Link-local addresses (169.254.0.0/16, fe80::/10, IPv4 link-local written as IPv6-mapped): where cloud
 * metadata services answer, never a registry. What a resolved address is, and the error that refuses one.
 */
import { BlockList, isIP } from 'node:net';

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

/**
 * A host name refused because it resolved to a link-local address. Thrown before a request is sent, or
 * given to the connection as its lookup error; the request's failure message is built from this one.
 */
export class LinkLocalRefusal extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `refused: ${host} resolves to ${address}, a link-local address (never a registry: cloud metadata services answer there)`,
    );
    this.name = 'LinkLocalRefusal';
  }
}

/** The refusal `e` is or was caused by (a fetch wraps its connection's error as the cause), if any. */
export function linkLocalRefusalIn(e: unknown): LinkLocalRefusal | undefined {
  for (let at = e, depth = 0; depth < 8 && typeof at === 'object' && at !== null; depth += 1) {
    if (at instanceof LinkLocalRefusal) return at;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}
