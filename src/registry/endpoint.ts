/** Where a registry host named in a reference is reached: docker's rules for Docker Hub and plain HTTP. */
import { isLoopbackHost, isLoopbackRegistry } from '../core/reference.js';

/** The core's loopback rule (the same as docker's --insecure gets): plain HTTP to these, HTTPS to everything else. */
export { isLoopbackHost };

/** "docker.io" -> "https://registry-1.docker.io"; "127.0.0.1:5100" -> "http://127.0.0.1:5100". */
export function registryOrigin(domain: string): string {
  const host = domain === 'docker.io' || domain === 'index.docker.io' ? 'registry-1.docker.io' : domain;
  return `${isLoopbackRegistry(host) ? 'http' : 'https'}://${host}`;
}

/** A URL the reader may send requests to: https anywhere, http only to loopback. */
export function allowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
