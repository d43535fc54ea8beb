// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createStandinClient, externalUrl } from '@server/standin/client.js';
import type { DocumentLike } from '@server/standin/browser.js';
import type { StandinConfig } from '@wire/standinProtocol.js';
import { showBanner } from '@server/standin/toast.js';
import type { PostExec } from '@server/standin/transport.js';

const config: StandinConfig = {
  platform: 'linux',
  arch: 'x64',
  hostname: 'box',
  extensionImage: 'archmatrix/extension:dev',
};
// jsdom's Document does what DocumentLike asks; TypeScript cannot relate DOM's Node generics to the narrow type.
const doc = document as unknown as DocumentLike;
const noPost: PostExec = () => Promise.reject(new Error('no command expected'));

function make() {
  const opened: string[] = [];
  const warnings: string[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  document.body.innerHTML = '';
  const client = createStandinClient(config, {
    post: noPost,
    document: doc,
    open: (url) => void opened.push(url),
    later: (run, ms) => void timers.push({ run, ms }),
    warn: (message) => void warnings.push(message),
  });
  return { client, opened, warnings, timers };
}

describe('stand-in ddClient', () => {
  it('reports the host and the extension image from the server config', () => {
    const { client } = make();
    expect(client.host.platform).toBe('linux');
    expect(client.host.arch).toBe('x64');
    expect(client.extension.image).toBe('archmatrix/extension:dev');
  });

  it('opens http(s) URLs', () => {
    const { client, opened } = make();
    client.host.openExternal('https://example.com/docs?a=1');
    client.host.openExternal('http://127.0.0.1:5000/v2/');
    expect(opened).toEqual(['https://example.com/docs?a=1', 'http://127.0.0.1:5000/v2/']);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'not a url',
    '//evil.example',
  ])('refuses to open %s', (url) => {
    const { client, opened, warnings } = make();
    client.host.openExternal(url);
    expect(opened).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(externalUrl(url)).toBeUndefined();
  });

  it('shows toasts as text, never as HTML, one at a time (a new one replaces the last), and removes them later', () => {
    const { client, timers } = make();
    client.desktopUI.toast.error('<img src=x onerror="window.hacked=1">');
    const first = document.querySelectorAll('[data-testid="toast"]');
    expect(first).toHaveLength(1);
    expect(first[0]?.getAttribute('data-kind')).toBe('error');
    expect(first[0]?.textContent).toBe('<img src=x onerror="window.hacked=1">');
    expect(document.querySelector('img')).toBeNull();
    client.desktopUI.toast.success('done');
    const toasts = document.querySelectorAll('[data-testid="toast"]');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.textContent).toBe('done');
    for (const timer of timers) timer.run();
    expect(document.querySelectorAll('[data-testid="toast"]')).toHaveLength(0);
  });

  it('rejects what only Docker Desktop can do', async () => {
    const { client } = make();
    await expect(client.docker.listImages()).rejects.toThrow(/only available in Docker Desktop/);
    await expect(client.desktopUI.navigate.viewImages()).rejects.toThrow(/only available in Docker Desktop/);
  });

  it('shows the banner once', () => {
    make();
    showBanner(doc, 'no key');
    showBanner(doc, 'no key again');
    const banners = document.querySelectorAll('[data-testid="browser-mode-banner"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]?.textContent).toBe('no key');
  });
});
