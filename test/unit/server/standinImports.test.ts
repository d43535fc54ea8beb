/**
 * The stand-in is browser code, bundled by Vite into one module (dist/standin/install.js). It may
 * import values from its own folder, the wire contract (src/wire) and the pure core only: nothing from
 * Node, the server, the command layer or the UI. Type-only imports vanish when built.
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

  it.each(sources)('%s imports values only from its own folder, src/wire or the pure core', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const [, typeOnly, specifier = ''] = match;
      if (typeOnly !== undefined) continue;
      expect(specifier, `${name} imports ${specifier}`).toMatch(/^(\.\/|\.\.\/\.\.\/(core|wire)\/)[A-Za-z0-9_-]+\.js$/);
    }
  });
});
