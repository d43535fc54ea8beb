import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '@server/staticRoute.js';

const dirs = { uiDir: '/srv/ui', standinDir: '/srv/node/server/standin' };

describe('resolveStaticPath', () => {
  it.each([
    ['/index.html', '/srv/ui/index.html'],
    ['/assets/index-abc.js', '/srv/ui/assets/index-abc.js'],
    ['/assets/a%20b.css', '/srv/ui/assets/a b.css'],
    ['/__archmatrix/standin/install.js', '/srv/node/server/standin/install.js'],
  ])('maps %s to %s', (path, file) => {
    expect(resolveStaticPath(path, dirs)).toBe(file);
  });

  it.each([
    ['a parent segment', '/../etc/passwd'],
    ['an encoded parent segment', '/%2e%2e/etc/passwd'],
    ['an encoded slash and parent', '/assets/..%2f..%2fetc/passwd'],
    ['a backslash', '/assets\\..\\x'],
    ['a NUL', '/index.html%00.js'],
    ['bad percent-encoding', '/%zz'],
    ['a dotfile', '/.env'],
    ['a stand-in source map', '/__archmatrix/standin/install.js.map'],
    ['a stand-in path outside its folder', '/__archmatrix/standin/../main.js'],
    ['a stand-in subfolder', '/__archmatrix/standin/a/b.js'],
  ])('refuses %s', (_name, path) => {
    expect(resolveStaticPath(path, dirs)).toBeUndefined();
  });
});
