/**
 * Arch Matrix rates its own image `ready`. The extension image is built and pushed with the
 * real `make push-extension` (a fresh tag, see test/env/extensionImage.ts), then the built
 * `archmatrix` CLI inspects it: by reference, as an extension author's CI gate would, and without
 * arguments, as a user who has it in the local store would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushExtensionImage, removeLocalCopy, uniqueTag, type ExtensionPush } from '../env/extensionImage.js';
import { loadTestEnv } from '../env/testEnv.js';
import { ensureCliBuilt, runCli } from '../support/cliProcess.js';

const env = loadTestEnv();
let push: ExtensionPush | undefined;

interface Row {
  reference: string;
  verdict: string;
  platforms: string[];
  requirement: { status: string } | null;
}

beforeAll(() => {
  ensureCliBuilt();
  push = pushExtensionImage(env, uniqueTag('cli-self'));
  if (push.make.status !== 0) {
    throw new Error(
      `make push-extension exited ${String(push.make.status)}:\n${push.make.stdout.slice(-4000)}\n${push.make.stderr.slice(-4000)}`,
    );
  }
});

afterAll(() => {
  if (push !== undefined) removeLocalCopy(env, push.reference);
});

function pushed(): ExtensionPush {
  if (push === undefined) throw new Error('the extension image was not pushed');
  return push;
}

describe('archmatrix on its own extension image', () => {
  it('passes the linux/amd64,linux/arm64 gate with the verdict ready', () => {
    const out = runCli(
      ['--json', '--require', 'linux/amd64,linux/arm64', '--host-platform', 'linux/amd64', pushed().reference],
      env.env,
    );
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const rows = JSON.parse(out.stdout) as Row[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.verdict).toBe('ready');
    expect([...(rows[0]?.platforms ?? [])].sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(rows[0]?.requirement?.status).toBe('met');
  });

  it('passes its own deep check: no host binaries, the backend is the image itself, ready', () => {
    const out = runCli(
      [
        '--deep',
        '--json',
        '--require',
        'linux/amd64,linux/arm64',
        '--host-platform',
        'linux/arm64',
        pushed().reference,
      ],
      env.env,
    );
    expect(out.status, out.stderr).toBe(0);
    const rows = JSON.parse(out.stdout) as (Row & {
      deep: { status: string } | null;
      hostBinaries: unknown[] | null;
      backend: { self: boolean; source: string }[] | null;
    })[];
    expect(rows[0]?.verdict).toBe('ready');
    expect(rows[0]?.deep?.status).toBe('checked');
    expect(rows[0]?.hostBinaries).toEqual([]);
    // metadata.json's vm.composefile: one service, the image itself.
    expect(rows[0]?.backend?.map((b) => [b.source, b.self])).toEqual([['compose:archmatrix-backend', true]]);
  });

  it('is ready on an arm64 host too', () => {
    const out = runCli(['--json', '--host-platform', 'linux/arm64', pushed().reference], env.env);
    expect((JSON.parse(out.stdout) as Row[])[0]?.verdict).toBe('ready');
  });

  it('is listed and rated ready among the installed extension images (no arguments)', () => {
    const out = runCli(['--json', '--host-platform', 'linux/amd64'], env.env);
    expect(out.status).toBe(0);
    const own = (JSON.parse(out.stdout) as Row[]).find((r) => r.reference === pushed().reference);
    expect(own, `${pushed().reference} not listed among the extension images`).toBeDefined();
    expect(own?.verdict).toBe('ready');
  });
});
