/**
 * readVersion finds the project's package.json upwards from where its module lives: src/runtime in
 * tests, dist/node/runtime once built, /backend/dist/runtime in the extension image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readVersion } from '@runtime/version.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('readVersion', () => {
  it("reads the project's version from its own folder (src/runtime)", () => {
    expect(readVersion()).toBe(version);
  });

  it.each([['src/runtime'], ['dist/node/runtime'], ['dist/node/backend']])('finds package.json from %s', (folder) => {
    expect(readVersion(join(root, folder))).toBe(version);
  });

  it("says 'unknown' where no Arch Matrix package.json is within reach", () => {
    expect(readVersion('/')).toBe('unknown');
    expect(readVersion(join(root, 'a/b/c/d/e/f/g'))).toBe('unknown');
  });
});
