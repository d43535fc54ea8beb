/**
 * `docker run --rm IMAGE archmatrix ...`: the CLI inside Arch Matrix's own extension image (built and
 * pushed with the real `make push-extension`, a fresh semver tag), which has Node and no docker CLI, reads
 * the test registries directly and says so; and our own image passes our own --validate and --deep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '@core/index.js';
import { pushExtensionImage, removeLocalCopy, uniqueTag, type ExtensionPush } from '../env/extensionImage.js';
import { docker } from '../env/run.js';
import { loadTestEnv } from '../env/testEnv.js';

const env = loadTestEnv();
let push: ExtensionPush | undefined;

type ValidatedRow = JsonRow & { validation: { passed: boolean; findings: { rule: string; message: string }[] } | null };

beforeAll(() => {
  // A semver tag, as docker extension validate (and so --validate) wants: 0.0.0-image-cli-<unique>.
  push = pushExtensionImage(env, `0.0.0-${uniqueTag('image-cli')}`);
  if (push.make.status !== 0)
    throw new Error(`make push-extension exited ${String(push.make.status)}:\n${push.make.stderr.slice(-4000)}`);
}, 900_000);

afterAll(() => {
  if (push !== undefined) removeLocalCopy(env, push.reference);
});

function inImage(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  if (push === undefined) throw new Error('the extension image was not pushed');
  // --network=host: the test registries listen on this machine's loopback.
  return docker(
    env,
    ['run', '--rm', '--network=host', '--platform=linux/amd64', push.reference, 'archmatrix', ...args],
    300_000,
  );
}

describe('archmatrix in the extension image', () => {
  it('runs (docker run IMAGE archmatrix --version)', () => {
    const out = inImage(['--version']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^archmatrix \d+\.\d+\.\d+/);
  });

  it('reads platforms straight from the registry, having no docker CLI, and says so', () => {
    const out = inImage([
      '--json',
      '--no-progress',
      '--require',
      'linux/amd64,linux/arm64',
      `${env.openRegistry}/corpus/good:1.0.0`,
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain("no docker CLI on PATH: reading platforms straight from the registries' HTTP API");
    expect((JSON.parse(out.stdout) as JsonRow[])[0]?.verdict).toBe('ready');
    const deep = inImage(['--deep', '--json', '--no-progress', `${env.openRegistry}/deep/darwin-x64-both:1.0.0`]);
    expect((JSON.parse(deep.stdout) as JsonRow[])[0]?.verdict).toBe('wrong-host-binary');
  });

  it('our own image passes our own --validate and --deep', () => {
    const ref = push?.reference ?? '';
    const out = inImage([
      '--deep',
      '--validate',
      '--json',
      '--no-progress',
      '--require',
      'linux/amd64,linux/arm64',
      ref,
    ]);
    expect(out.status, `${out.stdout}\n${out.stderr}`).toBe(0);
    const row = (JSON.parse(out.stdout) as ValidatedRow[])[0];
    expect(row?.verdict).toBe('ready');
    expect(row?.deep?.status).toBe('checked');
    expect(row?.validation?.findings).toEqual([]);
    expect(row?.validation?.passed).toBe(true);
  });
});
