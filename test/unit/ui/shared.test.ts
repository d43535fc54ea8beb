// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import { FALLBACK_THEMES, ensureDockerThemes } from '@ui/app/themes';
import { findDdClient } from '@ui/shared/ddClient';
import { openExternal, safeExternalUrl } from '@ui/shared/openExternal';
import { fakeClient } from '../../support/fakeClient.js';

describe('ensureDockerThemes', () => {
  it('installs light and dark options outside Docker Desktop', () => {
    const host: Parameters<typeof ensureDockerThemes>[0] = {};
    ensureDockerThemes(host);
    expect(host.__ddMuiV6Themes).toBe(FALLBACK_THEMES);
    expect(FALLBACK_THEMES.light.palette?.mode).toBe('light');
    expect(FALLBACK_THEMES.dark.palette?.mode).toBe('dark');
  });
  it("keeps Docker Desktop's own themes", () => {
    const own = { light: { spacing: 4 }, dark: { spacing: 4 } };
    const host = { __ddMuiV6Themes: own };
    ensureDockerThemes(host);
    expect(host.__ddMuiV6Themes).toBe(own);
  });
});

describe('links from labels', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeExternalUrl('https://example.com/docs')).toBe('https://example.com/docs');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'file:///etc/passwd',
      '/relative',
      'example.com',
      'https://user:pw@example.com/',
      '',
    ]) {
      expect(safeExternalUrl(bad), bad).toBeUndefined();
    }
  });
  it('passes only safe URLs to ddClient.host.openExternal', () => {
    const opened: string[] = [];
    const host: Pick<v1.DockerDesktopClient, 'host'> = {
      host: { platform: 'darwin', arch: 'arm64', hostname: 'h', openExternal: (url) => void opened.push(url) },
    };
    expect(openExternal(host, 'javascript:alert(1)')).toBe(false);
    expect(openExternal(host, 'https://example.com/a')).toBe(true);
    expect(opened).toEqual(['https://example.com/a']);
  });
});

describe('findDdClient', () => {
  const client = fakeClient(() => undefined).client;
  it("returns createDockerDesktopClient()'s client", () => {
    expect(findDdClient(() => client)).toBe(client);
  });
  it('is undefined when createDockerDesktopClient() throws (not in Docker Desktop) or the client cannot run commands', () => {
    expect(
      findDdClient(() => {
        throw new Error('Are you using this extension in a browser?');
      }),
    ).toBeUndefined();
    const partial = { ...client, docker: { ...client.docker, cli: {} } } as unknown as v1.DockerDesktopClient;
    expect(findDdClient(() => partial)).toBeUndefined();
  });
  it('reads window.ddClient through the real @docker/extension-api-client by default', () => {
    expect(findDdClient()).toBeUndefined();
    window.ddClient = client;
    try {
      expect(findDdClient()).toBe(client);
    } finally {
      delete window.ddClient;
    }
  });
});
