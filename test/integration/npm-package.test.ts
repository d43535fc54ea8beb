/**
 * `npm pack` gives a package that installs like a tool: the tarball (its `prepack` builds dist/node) is
 * installed into a temporary prefix with `npm install -g --prefix` (runtime dependencies from the npm
 * registry), and the `archmatrix` it puts on PATH runs a real check against the test registry.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../env/extensionImage.js';
import { run } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';

const env = loadTestEnv();
const work = mkdtempSync(join(tmpdir(), 'archmatrix-npm-package-'));
const prefix = join(work, 'prefix');
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], {
    env: process.env,
    cwd: REPO_ROOT,
    timeoutMs: 300_000,
  });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const info = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]?.filename ?? '');
  files = (info[0]?.files ?? []).map((f) => f.path);
  const install = run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
    env: process.env,
    timeoutMs: 300_000,
  });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the built CLI and what it imports, and nothing of the UI, the backend, the server or the tests', () => {
    expect(files).toContain('dist/node/cli/main.js');
    expect(files).toContain('package.json');
    expect(files.every((f) => f === 'package.json' || f === 'README.md' || f.startsWith('dist/node/'))).toBe(true);
    expect(files.some((f) => /^dist\/node\/(backend|server|bench)\//.test(f) || f.endsWith('.map'))).toBe(false);
    expect(files.some((f) => f.endsWith('.ts'))).toBe(false);
  });

  it('installs only runtime dependencies', () => {
    const installed = readdirSync(join(prefix, 'lib', 'node_modules', 'arch-matrix', 'node_modules'));
    expect(installed).toContain('ajv');
    for (const dev of ['vitest', 'typescript', 'react', 'vite', 'eslint']) expect(installed).not.toContain(dev);
  });

  it('puts a working archmatrix on PATH that checks an image in the test registry', () => {
    const bin = join(prefix, 'bin', 'archmatrix');
    const version = run(bin, ['--version'], { env: env.env });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^archmatrix \d+\.\d+\.\d+/);
    const check = run(
      bin,
      ['--json', '--no-progress', '--require', 'linux/amd64,linux/arm64', `${env.openRegistry}/corpus/good:1.0.0`],
      { env: { ...env.env, PATH: `${join(prefix, 'bin')}:${env.env.PATH ?? ''}` } },
    );
    expect(check.status, check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as { verdict: string }[])[0]?.verdict).toBe('ready');
  });
});
