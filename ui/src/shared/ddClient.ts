import type { v1 } from '@docker/extension-api-client-types';

declare global {
  interface Window {
    /** Injected by Docker Desktop before the page runs (or by a stand-in: browser mode, tests). */
    ddClient?: v1.DockerDesktopClient;
  }
}

/**
 * The Docker Desktop client, when there is one. `createDockerDesktopClient()` from
 * @docker/extension-api-client only returns `window.ddClient` and throws without it; reading it
 * here lets the tab explain what is missing instead of crashing.
 */
export function findDdClient(host: Pick<Window, 'ddClient'> = window): v1.DockerDesktopClient | undefined {
  const client = host.ddClient;
  if (typeof client !== 'object' || client === null) return undefined;
  if (typeof client.docker?.cli?.exec !== 'function') return undefined;
  return client;
}
