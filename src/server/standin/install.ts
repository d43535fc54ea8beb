/**
 * Entry module of the stand-in, built by Vite into dist/standin/install.js (`npm run build:standin`)
 * and loaded by the page before the app (see server/indexHtml.ts):
 * reads the server's <meta> config and the key, and defines window.ddClient.
 */
import type { v1 } from '@docker/extension-api-client-types';
import { currentBrowser } from './browser.js';
import { createStandinClient } from './client.js';
import { takeKey } from './key.js';
import { CONFIG_META_NAME, type StandinConfig } from '../../wire/standinProtocol.js';
import { showBanner } from './toast.js';
import { createTransport } from './transport.js';
import { createVmService } from './vmService.js';

const NO_KEY =
  'Arch Matrix browser mode: this page has no access key, so no docker command can run. Open the URL that `npm start` printed (it ends in #key=...).';
const WRONG_KEY =
  'Arch Matrix browser mode: the server refused the access key (was it restarted?). Open the URL that `npm start` printed last.';

function readConfig(content: string | null | undefined): StandinConfig | undefined {
  try {
    const value: unknown = JSON.parse(content ?? '');
    if (typeof value !== 'object' || value === null) return undefined;
    const { platform, arch, hostname, extensionImage } = value as Record<string, unknown>;
    if (
      typeof platform !== 'string' ||
      typeof arch !== 'string' ||
      typeof hostname !== 'string' ||
      typeof extensionImage !== 'string'
    )
      return undefined;
    return { platform, arch, hostname, extensionImage };
  } catch {
    return undefined;
  }
}

const browser = currentBrowser();
const config = readConfig(browser.document.querySelector(`meta[name="${CONFIG_META_NAME}"]`)?.getAttribute('content'));
const key = takeKey(browser.location, browser.history, browser.sessionStorage);
// One id per page load: the server caps commands in flight per page (127.0.0.1 is a secure context).
const pageId = typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : undefined;
const banner = (message: string): void => {
  const show = (): void => showBanner(browser.document, message);
  if (browser.document.body === null) browser.setTimeout(show, 0);
  else show();
};

if (config === undefined) {
  banner('Arch Matrix browser mode: the page was not served by `npm start` (no configuration found).');
} else {
  if (key === undefined) banner(NO_KEY);
  const client: v1.DockerDesktopClient = createStandinClient(config, {
    post: createTransport((input, init) => browser.fetch(input, init), key, pageId),
    vmService: createVmService((input, init) => browser.fetch(input, init), key),
    document: browser.document,
    open: (url) => {
      browser.open(url, '_blank', 'noopener,noreferrer');
    },
    later: (run, ms) => {
      browser.setTimeout(run, ms);
    },
    onFailure: (failure) => {
      if (failure.kind === 'unauthorized') banner(key === undefined ? NO_KEY : WRONG_KEY);
    },
    warn: (message) => console.warn(`archmatrix: ${message}`),
  });
  (globalThis as unknown as { ddClient?: v1.DockerDesktopClient }).ddClient = client;
}
