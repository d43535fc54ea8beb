/**
 * createNodeExec's buildx routing with a fake docker and a fake docker-buildx plugin (Node scripts
 * in a temp dir, found through DOCKER_CONFIG) that record the argv they receive.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeExec } from '@adapters/nodeExec.js';

const INSPECT = ['buildx', 'imagetools', 'inspect', '127.0.0.1:5100/corpus/good:1.0.0', '--raw'];

let root = '';
let docker = '';
let pluginPath = '';
let env: NodeJS.ProcessEnv = {};

/** A script that appends {name, argv} to calls.jsonl, prints its name and exits with `code`. */
function recorder(path: string, name: string, code = 0, interpreter = process.execPath): void {
  const log = JSON.stringify(join(root, 'calls.jsonl'));
  writeFileSync(
    path,
    `#!${interpreter}\nrequire('node:fs').appendFileSync(${log}, JSON.stringify({ name: ${JSON.stringify(name)}, argv: process.argv.slice(2) }) + '\\n');\n` +
      `process.stdout.write(${JSON.stringify(name)}); process.exitCode = ${code};\n`,
  );
  chmodSync(path, 0o755);
}

function calls(): { name: string; argv: string[] }[] {
  const file = join(root, 'calls.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { name: string; argv: string[] });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'archmatrix-route-'));
  mkdirSync(join(root, 'config', 'cli-plugins'), { recursive: true });
  docker = join(root, 'docker');
  pluginPath = join(root, 'config', 'cli-plugins', 'docker-buildx');
  recorder(docker, 'docker');
  recorder(pluginPath, 'plugin');
  env = { PATH: process.env.PATH, DOCKER_CONFIG: join(root, 'config') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('createNodeExec buildx routing', () => {
  it('direct: the plugin gets the command without the leading "buildx", and docker is not started', async () => {
    const out = await createNodeExec({ docker, env, buildx: 'direct' })({ args: INSPECT });
    expect(out).toEqual({ stdout: 'plugin', stderr: '', exitCode: 0 });
    expect(calls()).toEqual([
      { name: 'plugin', argv: ['imagetools', 'inspect', '127.0.0.1:5100/corpus/good:1.0.0', '--raw'] },
    ]);
  });

  it('direct: commands other than buildx still go to docker', async () => {
    const out = await createNodeExec({ docker, env, buildx: 'direct' })({
      args: ['version', '--format', '{{json .}}'],
    });
    expect(out.stdout).toBe('docker');
    expect(calls()).toEqual([{ name: 'docker', argv: ['version', '--format', '{{json .}}'] }]);
  });

  it('direct: a failing plugin exit code is the answer (no second try through docker)', async () => {
    recorder(pluginPath, 'plugin', 1);
    const out = await createNodeExec({ docker, env, buildx: 'direct' })({ args: INSPECT });
    expect(out.exitCode).toBe(1);
    expect(calls().map((c) => c.name)).toEqual(['plugin']);
  });

  it('direct: a plugin that cannot be started (spawn-failed) falls back to docker with the full command', async () => {
    recorder(pluginPath, 'plugin', 0, '/nonexistent/interpreter');
    const out = await createNodeExec({ docker, env, buildx: 'direct' })({ args: INSPECT });
    expect(out).toEqual({ stdout: 'docker', stderr: '', exitCode: 0 });
    expect(calls()).toEqual([{ name: 'docker', argv: INSPECT }]);
  });

  it('direct: the timeout stops the plugin as it stops docker', async () => {
    writeFileSync(pluginPath, `#!${process.execPath}\nsetTimeout(() => {}, 60000);\n`);
    const out = await createNodeExec({ docker, env, buildx: 'direct', killGraceMs: 300 })({
      args: INSPECT,
      timeoutMs: 200,
    });
    expect(out.interrupted).toBe('timeout');
    expect(out.exitCode).toBeNull();
  });

  it('via-docker (the default) and ARCHMATRIX_BUILDX=docker send buildx through docker', async () => {
    await createNodeExec({ docker, env })({ args: INSPECT });
    await createNodeExec({ docker, env: { ...env, ARCHMATRIX_BUILDX: 'docker' }, buildx: 'direct' })({ args: INSPECT });
    expect(calls()).toEqual([
      { name: 'docker', argv: INSPECT },
      { name: 'docker', argv: INSPECT },
    ]);
  });
});
