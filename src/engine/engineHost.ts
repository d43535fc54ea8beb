/**
 * Where the engine is: the Unix socket of DOCKER_HOST, or the default socket. The local image store is
 * read only over a Unix socket on this machine; a tcp:// or ssh:// engine is another machine's (or
 * needs TLS and credentials the allowlist does not handle), so it is reported unsupported, once, and
 * the deep check reads registries only.
 */
import { isAbsolute } from 'node:path';

export const DEFAULT_ENGINE_SOCKET = '/var/run/docker.sock';

export type EngineHost =
  | { readonly kind: 'unix'; readonly socketPath: string }
  | { readonly kind: 'unsupported'; readonly host: string; readonly message: string };

/** The engine of a DOCKER_HOST value (unset or empty: the default socket). */
export function engineHostFrom(dockerHost: string | undefined): EngineHost {
  const host = (dockerHost ?? '').trim();
  if (host === '') return { kind: 'unix', socketPath: DEFAULT_ENGINE_SOCKET };
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (isAbsolute(socketPath) && !socketPath.includes('\0')) return { kind: 'unix', socketPath };
    return { kind: 'unsupported', host, message: `DOCKER_HOST=${shown(host)} is not an absolute Unix socket path` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1]?.toLowerCase() ?? 'unknown';
  return {
    kind: 'unsupported',
    host,
    message: `DOCKER_HOST=${shown(host)} is a ${scheme}:// engine: the local image store is read only through a Unix socket on this machine, so every variant is read from its registry`,
  };
}

/** A host for messages: at most 120 characters, control characters replaced. */
const shown = (host: string): string =>
  // eslint-disable-next-line no-control-regex
  host.slice(0, 120).replace(/[\u0000-\u001f\u007f]/g, '?');
