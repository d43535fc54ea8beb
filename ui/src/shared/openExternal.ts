import type { v1 } from '@docker/extension-api-client-types';
import { safeHttpUrl } from '@core/index.js';

/** The URL when it is an absolute http(s) URL without credentials, else undefined (the core's rule). */
export const safeExternalUrl = (candidate: string): string | undefined => safeHttpUrl(candidate);

/** Open a link from a label in the user's browser, http(s) only. Returns whether it was opened. */
export function openExternal(dd: Pick<v1.DockerDesktopClient, 'host'>, candidate: string): boolean {
  const url = safeExternalUrl(candidate);
  if (url === undefined) return false;
  dd.host.openExternal(url);
  return true;
}
