/**
 * Every URL of ours that names a file of this repository (raw.githubusercontent.com/archmatrix/arch-matrix/main/...,
 * github.com/archmatrix/arch-matrix/blob/main/...) points at a file that exists, and a #fragment into a
 * markdown file at one of its headings: the extension's labels (screenshots, icon), the action, the docs
 * and the code. The screenshot label once named files that had been renamed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['Dockerfile', 'metadata.json', 'package.json', 'action.yml', 'README.md', 'docs', 'src', 'action'];
const OURS =
  /https:\/\/(?:raw\.githubusercontent\.com\/archmatrix\/arch-matrix\/main|github\.com\/archmatrix\/arch-matrix\/blob\/main)\/([^\s"'`)\\<>]+)/g;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((name) => /\.(ts|tsx|mjs|sh|md|json|yml)$/.test(name));
}

/** GitHub's heading anchors: lowercase, punctuation other than - and _ dropped, spaces to -. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const links = ROOTS.flatMap(files).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(OURS)].map((m) => ({ file, target: m[1] ?? '' })),
);

describe('URLs of ours', () => {
  it('are found (the screenshot and icon labels at least)', () => {
    const targets = links.map((l) => l.target);
    expect(targets).toContain('docker.svg');
    expect(targets.filter((t) => t.startsWith('docs/screenshots/')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(links.map((l) => [l.file, l.target] as const))('%s: %s exists', (_file, target) => {
    const [path = '', fragment] = target.split('#');
    expect(existsSync(path), path).toBe(true);
    if (fragment !== undefined && fragment !== '' && path.endsWith('.md')) {
      const headings = [...readFileSync(path, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1] ?? ''));
      expect(headings, `#${fragment} in ${path}`).toContain(fragment);
    }
  });
});
