/**
 * Folders for the browser-mode server, made up for its unit tests: the UI folder in the shape vite
 * writes (index.html, assets/app.js), the stand-in's folder (install.js), and secret.txt beside them,
 * which no request may reach. The caller removes `root` when done.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An index.html with no script. */
export const PLAIN_PAGE = '<!doctype html><html><head></head><body></body></html>';

export interface ServedFolders {
  readonly root: string;
  readonly uiDir: string;
  readonly standinDir: string;
}

/** New folders under a temporary directory named with `prefix`, the UI's index.html holding `indexHtml`. */
export function servedFolders(prefix: string, indexHtml: string = PLAIN_PAGE): ServedFolders {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const uiDir = join(root, 'ui');
  const standinDir = join(root, 'standin');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  mkdirSync(standinDir);
  writeFileSync(join(uiDir, 'index.html'), indexHtml);
  writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(standinDir, 'install.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside the UI folder');
  return { root, uiDir, standinDir };
}
