/** Where a registry host named in a reference is reached: docker's rules for Docker Hub and plain HTTP. */

/** 127.0.0.0/8, ::1 and localhost: docker talks plain HTTP to these, HTTPS to everything else. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** Host part of "host[:port]" or "[v6]:port". */
export function hostnameOf(hostAndPort: string): string {
  if (hostAndPort.startsWith('[')) return hostAndPort.slice(0, hostAndPort.indexOf(']') + 1);
  const colon = hostAndPort.lastIndexOf(':');
  return colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
}

/** "docker.io" -> "https://registry-1.docker.io"; "127.0.0.1:5100" -> "http://127.0.0.1:5100". */
export function registryOrigin(domain: string): string {
  const host = domain === 'docker.io' || domain === 'index.docker.io' ? 'registry-1.docker.io' : domain;
  return `${isLoopbackHost(hostnameOf(host)) ? 'http' : 'https'}://${host}`;
}

/** A URL the reader may send requests to: https anywhere, http only to loopback. */
export function allowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
