/**
 * ddClient.desktopUI.toast in browser mode: one message at a time in the page's corner (a new one
 * replaces the last, so toasts never pile up over the matrix).
 * Messages are set as text (textContent), never as HTML.
 */
import type { v1 } from '@docker/extension-api-client-types';
import type { DocumentLike, ElementLike } from './browser.js';

export type ToastKind = 'success' | 'warning' | 'error';

const CONTAINER_ID = 'archmatrix-toasts';
const COLORS: Readonly<Record<ToastKind, string>> = { success: '#1d7a46', warning: '#8a5a00', error: '#b3261e' };
const DURATION_MS: Readonly<Record<ToastKind, number>> = { success: 5000, warning: 8000, error: 10000 };

function container(document: DocumentLike): ElementLike | undefined {
  const existing = document.getElementById(CONTAINER_ID);
  if (existing !== null) return existing;
  if (document.body === null) return undefined;
  const box = document.createElement('div');
  box.setAttribute('id', CONTAINER_ID);
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;display:flex;flex-direction:column;gap:8px;max-width:420px';
  return document.body.appendChild(box);
}

export function createToast(document: DocumentLike, later: (run: () => void, ms: number) => void): v1.Toast {
  const show = (kind: ToastKind, message: string): void => {
    const box = container(document);
    if (box === undefined) return;
    box.textContent = '';
    const item = document.createElement('div');
    item.setAttribute('data-testid', 'toast');
    item.setAttribute('data-kind', kind);
    item.style.cssText = `background:${COLORS[kind]};color:#fff;padding:10px 14px;border-radius:4px;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);white-space:pre-wrap;overflow-wrap:anywhere`;
    item.textContent = String(message);
    box.appendChild(item);
    later(() => item.remove(), DURATION_MS[kind]);
  };
  return {
    success: (message) => show('success', message),
    warning: (message) => show('warning', message),
    error: (message) => show('error', message),
  };
}

/** A banner at the top of the page for what blocks every command (no key, wrong key). Shown once. */
export function showBanner(document: DocumentLike, message: string): void {
  if (document.getElementById('archmatrix-browser-mode-banner') !== null || document.body === null) return;
  const banner = document.createElement('div');
  banner.setAttribute('id', 'archmatrix-browser-mode-banner');
  banner.setAttribute('data-testid', 'browser-mode-banner');
  banner.setAttribute('role', 'alert');
  banner.style.cssText =
    'position:sticky;top:0;z-index:2147483647;background:#b3261e;color:#fff;padding:10px 16px;font:14px/1.4 system-ui,sans-serif';
  banner.textContent = message;
  document.body.appendChild(banner);
}
