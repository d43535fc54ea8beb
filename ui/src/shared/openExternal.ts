import type { v1 } from '@docker/extension-api-client-types';

/** The URL when it is an absolute http(s) URL, else undefined (javascript:, data:, relative, garbage). */
export function safeExternalUrl(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/** Open a link from a label in the user's browser, http(s) only. Returns whether it was opened. */
export function openExternal(dd: Pick<v1.DockerDesktopClient, 'host'>, candidate: string): boolean {
  const url = safeExternalUrl(candidate);
  if (url === undefined) return false;
  dd.host.openExternal(url);
  return true;
}
