import { describe, expect, it } from 'vitest';
import { injectStandin, STANDIN_ENTRY } from '@server/indexHtml.js';
import type { StandinConfig } from '@wire/standinProtocol.js';

const config: StandinConfig = {
  platform: 'linux',
  arch: 'x64',
  hostname: 'box',
  extensionImage: 'archmatrix/extension:dev',
};
// The shape vite writes for a build with base './' (a module script and a stylesheet in <head>).
const built =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <script type="module" crossorigin src="./assets/index-abc.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

describe('injectStandin', () => {
  it('puts the stand-in module before the app module', () => {
    const result = injectStandin(built, config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const standin = result.value.indexOf(`src="${STANDIN_ENTRY}"`);
    const app = result.value.indexOf('src="./assets/index-abc.js"');
    expect(standin).toBeGreaterThan(0);
    expect(standin).toBeLessThan(app);
    expect(result.value).toContain('<script type="module" src="/__archmatrix/standin/install.js"></script>');
  });

  it('carries the config as an escaped JSON attribute', () => {
    const hostile: StandinConfig = { ...config, hostname: '"><script>alert(1)</script>' };
    const result = injectStandin(built, hostile);
    if (!result.ok) throw new Error(result.error);
    expect(result.value).not.toContain('<script>alert(1)');
    const meta = /<meta name="archmatrix-browser-mode" content="([^"]*)">/.exec(result.value);
    expect(meta?.[1]).toBeDefined();
    const decoded = (meta?.[1] ?? '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
    expect(JSON.parse(decoded)).toEqual(hostile);
  });

  it('accepts a <head> with attributes', () => {
    expect(injectStandin('<html><head data-x="1"><title>t</title></head></html>', config).ok).toBe(true);
  });

  it('refuses a page without <head>', () => {
    expect(injectStandin('<html><body></body></html>', config)).toEqual({
      ok: false,
      error: 'the built index.html has no <head> element',
    });
  });
});
