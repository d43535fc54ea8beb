/**
 * src/wire is what crosses the wire between the backend, the browser-mode server, the stand-in and
 * the tab: every one of them imports it, so it imports only itself and the pure core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src', 'wire');
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));
const IMPORT = /^import\s+(?:type\s+)?[^'"]*from\s+'([^']+)';/gm;

describe('src/wire', () => {
  it('holds the backend API, the stand-in protocol and the error reply', () => {
    expect(sources).toEqual(expect.arrayContaining(['backendApi.ts', 'errors.ts', 'standinProtocol.ts']));
  });

  it.each(sources)('%s imports only src/wire and the core', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const [, specifier = ''] of text.matchAll(IMPORT)) {
      expect(specifier, `${name} imports ${specifier}`).toMatch(/^(\.\/|\.\.\/core\/)[A-Za-z0-9_-]+\.js$/);
    }
  });
});
