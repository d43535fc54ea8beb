/**
 * The per-start key arrives in the URL fragment (#key=...), which browsers never send to a
 * server. The stand-in keeps it in sessionStorage (so a reload works) and removes it from the
 * address bar (so it is not copied along with the URL).
 */
import type { HistoryLike, LocationLike, StorageLike } from './browser.js';
import { KEY_FRAGMENT_PARAM } from '../../wire/standinProtocol.js';

const STORAGE_KEY = 'archmatrix-browser-mode-key';
const KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export function takeKey(location: LocationLike, history: HistoryLike, storage: StorageLike): string | undefined {
  const fromUrl = new URLSearchParams(location.hash.replace(/^#/, '')).get(KEY_FRAGMENT_PARAM);
  if (fromUrl !== null && KEY_SHAPE.test(fromUrl)) {
    try {
      storage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the key still works until the page is reloaded.
    }
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromUrl;
  }
  try {
    const stored = storage.getItem(STORAGE_KEY);
    return stored !== null && KEY_SHAPE.test(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}
