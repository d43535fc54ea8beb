/**
 * The stand-in is served to the page as separate modules from one folder: a value import from
 * outside src/server/standin would 404 in the browser. Type-only imports vanish when compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src', 'server', 'standin');
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));
const IMPORT = /^import\s+(type\s+)?[^'"]*from\s+'([^']+)';/gm;

describe('stand-in modules', () => {
  it('exist', () => {
    expect(sources).toContain('install.ts');
  });

  it.each(sources)('%s imports values only from its own folder, with .js extensions', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const [, typeOnly, specifier = ''] = match;
      if (typeOnly !== undefined) continue;
      expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[A-Za-z0-9_-]+\.js$/);
    }
  });
});
