/**
 * Where a registry host named in a reference is reached (docker's rules for Docker Hub and plain HTTP), and
 * where the reader may send a request at all: every URL is checked before its fetch, the registry's own,
 * a redirect's Location and a token realm alike.
 */
import { isLoopbackHost, isLoopbackRegistry } from '../core/reference.js';

/** The core's loopback rule (the same as docker's --insecure gets): plain HTTP to these, HTTPS to everything else. */
export { isLoopbackHost };

/** "docker.io" -> "https://registry-1.docker.io"; "127.0.0.1:5100" -> "http://127.0.0.1:5100". */
export function registryOrigin(domain: string): string {
  const host = domain === 'docker.io' || domain === 'index.docker.io' ? 'registry-1.docker.io' : domain;
  return `${isLoopbackRegistry(host) ? 'http' : 'https'}://${host}`;
}

/**
 * True for a link-local address (169.254.0.0/16, fe80::/10, and IPv4 link-local written as an IPv6-mapped
 * address): where cloud metadata services answer, never a registry. URL hosts come normalised (numeric
 * IPv4 forms in dotted decimal, IPv6 lowercase and compressed), so their text is enough.
 */
export function isLinkLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    /^169\.254\.\d{1,3}\.\d{1,3}$/.test(h) || /^fe[89ab][0-9a-f]:/.test(h) || /^::ffff:a9fe:[0-9a-f]{1,4}$/.test(h)
  );
}

/** A URL the reader may send requests to: https anywhere, http only to loopback, never a link-local address. */
export function allowedUrl(url: URL): boolean {
  if (isLinkLocalHost(url.hostname)) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/**
 * A URL a registry may send the reader on to (a redirect's Location, a token realm): https to a host that is
 * not this machine, or the loopback registry's own host and port. So a registry cannot point the reader at
 * another service on this machine, nor at anything over plain HTTP but itself.
 */
export function followAllowed(registry: URL, target: URL): boolean {
  if (!allowedUrl(target)) return false;
  if (isLoopbackHost(target.hostname)) return target.host === registry.host;
  return target.protocol === 'https:';
}

/** What followAllowed refuses, for messages. */
export const FOLLOW_RULE = "https only, or the loopback registry's own host and port; never a link-local address";
