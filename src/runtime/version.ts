/**
 * The version from the project's package.json, found from this file upwards: src/runtime (2 levels),
 * dist/node/runtime (3 levels) or the image's /backend/dist/runtime (2 levels). A neutral Node helper:
 * the CLI, the backend and the browser-mode server all print or report it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function readVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i += 1) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (
        typeof pkg === 'object' &&
        pkg !== null &&
        'name' in pkg &&
        pkg.name === 'arch-matrix' &&
        'version' in pkg &&
        typeof pkg.version === 'string'
      ) {
        return pkg.version;
      }
    } catch {
      // no package.json here: look one level up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
