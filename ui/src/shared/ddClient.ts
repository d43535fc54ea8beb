import { createDockerDesktopClient } from '@docker/extension-api-client';
import type { v1 } from '@docker/extension-api-client-types';

declare global {
  interface Window {
    /** Injected by Docker Desktop before the page runs (or by a stand-in: browser mode, tests). */
    ddClient?: v1.DockerDesktopClient;
  }
}

/**
 * The Docker Desktop client, got as every extension gets it: `createDockerDesktopClient()` from
 * @docker/extension-api-client. It throws outside Docker Desktop (and browser mode); then, or when
 * what it returns cannot run docker commands, there is no client and the tab explains what is missing.
 */
export function findDdClient(
  create: () => v1.DockerDesktopClient = createDockerDesktopClient,
): v1.DockerDesktopClient | undefined {
  let client: v1.DockerDesktopClient | undefined;
  try {
    client = create();
  } catch {
    return undefined;
  }
  if (typeof client !== 'object' || client === null) return undefined;
  if (typeof client.docker?.cli?.exec !== 'function') return undefined;
  return client;
}
