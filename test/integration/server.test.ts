/**
 * Browser-mode server against the real test environment: real docker CLI, buildx, engine and
 * registries. Every refusal is checked at the ExecPort: a refused request must run nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeExec } from '@adapters/nodeExec.js';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { checkEnvironment } from '@commands/environment.js';
import { listExtensionImages } from '@commands/dockerCommands.js';
import type { ExecPort, ExecRequest } from '@commands/execPort.js';
import { startServer, type RunningServer } from '@server/server.js';
import type { ErrorReply } from '@wire/errors.js';
import { describeEnvironment } from '@server/config.js';
import { loadTestEnv } from '../env/testEnv.js';
import { postExec, send } from '../support/httpClient.js';

const testEnv = loadTestEnv();
const realExec = createNodeExec({ env: testEnv.env });
const ran: ExecRequest[] = [];
const recordingExec: ExecPort = (request) => {
  ran.push(request);
  return realExec(request);
};

const root = mkdtempSync(join(tmpdir(), 'archmatrix-server-it-'));
mkdirSync(join(root, 'ui'));
mkdirSync(join(root, 'standin'));
// A minimal page (made up for this test); the built UI is exercised by the Playwright browser-mode test.
writeFileSync(join(root, 'ui', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');

const good = `${testEnv.openRegistry}/corpus/good:1.0.0`;
const LIST_EXTENSIONS = [...listExtensionImages()];

interface Reply {
  readonly argv: string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly interrupted?: string;
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    uiDir: join(root, 'ui'),
    standinDir: join(root, 'standin'),
    extensionImage: '',
    exec: recordingExec,
    isAllowed: isReadOnlyCommand,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const errorCode = (body: string): string => (JSON.parse(body) as ErrorReply).name;

describe('browser-mode server refuses', () => {
  it.each([
    ['no key', undefined, {}],
    ['a wrong key', 'not-the-key-not-the-key-not-the-key', {}],
  ])('a request with %s (401), running nothing', async (_name, key, headers) => {
    ran.length = 0;
    const res = await postExec(
      server.port,
      key,
      { args: ['buildx', 'imagetools', 'inspect', good, '--raw'], form: 'stream' },
      headers,
    );
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('unauthorized');
    expect(ran).toEqual([]);
  });

  it.each([
    ['a foreign Origin', { origin: 'http://evil.example' }, 'forbidden-origin'],
    ['the right host on another port as Origin', { origin: 'http://127.0.0.1:1' }, 'forbidden-origin'],
    ['a foreign Host (DNS rebinding)', { host: 'rebind.evil.example' }, 'forbidden-host'],
  ])('%s (403), running nothing', async (_name, headers, code) => {
    ran.length = 0;
    const res = await postExec(server.port, server.key, { args: ['buildx', 'version'], form: 'stream' }, headers);
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe(code);
    expect(ran).toEqual([]);
  });

  // Each of these would fail harmlessly even if it ran (missing names, closed port), so a broken
  // allowlist can never change the shared test environment; `ran` proves none of them ran.
  const nothing = 'archmatrix/no-such-image:1';
  const closed = `${testEnv.closedRegistry}/archmatrix/never:1`;
  it.each([
    ['rm', ['rm', '-f', 'archmatrix-no-such-container']],
    ['push', ['push', closed]],
    ['run', ['run', '--rm', '--pull=never', nothing, 'true']],
    ['image rm', ['image', 'rm', nothing]],
    ['pull', ['pull', closed]],
    ['tag', ['tag', nothing, 'archmatrix/probe:1']],
    ['login', ['login', testEnv.closedRegistry, '-u', 'nobody', '--password-stdin']],
    ['-H tcp://x', ['-H', `tcp://${testEnv.closedRegistry}`, 'buildx', 'version']],
    ['--host=', [`--host=tcp://${testEnv.closedRegistry}`, 'buildx', 'version']],
    ['--config', ['--config', '/nonexistent', 'buildx', 'version']],
    ['--context', ['--context', 'archmatrix-no-such-context', 'buildx', 'version']],
    [
      'an allowed command with an extra flag',
      ['buildx', 'imagetools', 'inspect', good, '--raw', '--builder=archmatrix-none'],
    ],
    ['imagetools create', ['buildx', 'imagetools', 'create', '-t', closed, good]],
    ['buildx build', ['buildx', 'build', '/nonexistent-archmatrix-context']],
  ])('%s (403, off the allowlist), running nothing', async (_name, args) => {
    ran.length = 0;
    for (const form of ['stream', 'exec'] as const) {
      const res = await postExec(server.port, server.key, { args, form });
      expect(res.status).toBe(403);
      expect(errorCode(res.body)).toBe('forbidden-command');
      expect((JSON.parse(res.body) as ErrorReply).message).toMatch(/allowlist/);
    }
    expect(ran).toEqual([]);
  });

  it('an argument that Docker Desktop would split into a second command (promise form), running nothing', async () => {
    ran.length = 0;
    for (const ref of [`${good} ; rm -rf /`, `${good} --raw`, `"${good}"x y`, '$(id)']) {
      const res = await postExec(server.port, server.key, { args: ['image', 'inspect', ref], form: 'exec' });
      expect(res.status).toBe(403);
    }
    expect(ran).toEqual([]);
  });
});

describe('browser-mode server runs read-only commands for real', () => {
  it('prints what docker prints, byte for byte (buildx imagetools inspect --raw)', async () => {
    const args = ['buildx', 'imagetools', 'inspect', good, '--raw'];
    const direct = await realExec({ args });
    const res = await postExec(server.port, server.key, { args, form: 'stream' });
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body) as Reply;
    expect(reply).toEqual({ argv: args, stdout: direct.stdout, stderr: direct.stderr, exitCode: 0 });
    expect((JSON.parse(reply.stdout) as { mediaType: string }).mediaType).toBe(
      'application/vnd.oci.image.index.v1+json',
    );
  });

  it('runs the same argv through the promise form (the allowlisted commands survive re-splitting)', async () => {
    const stream = JSON.parse(
      (await postExec(server.port, server.key, { args: LIST_EXTENSIONS, form: 'stream' })).body,
    ) as Reply;
    const promise = JSON.parse(
      (await postExec(server.port, server.key, { args: LIST_EXTENSIONS, form: 'exec' })).body,
    ) as Reply;
    expect(promise.argv).toEqual(LIST_EXTENSIONS);
    expect(promise.exitCode).toBe(0);
    // The same lines; docker lists images created in the same second in no fixed order, and its
    // relative "CreatedSince" ("12 minutes ago") may tick over between the two commands.
    const lines = (stdout: string): string[] =>
      stdout
        .split('\n')
        .map((line) => line.replace(/"CreatedSince":"[^"]*",/, ''))
        .sort();
    expect(stream.stdout).not.toBe('');
    expect(lines(promise.stdout)).toEqual(lines(stream.stdout));
  });

  it('talks to the DOCKER_HOST engine: the never-pushed local image is listed', async () => {
    const reply = JSON.parse(
      (await postExec(server.port, server.key, { args: LIST_EXTENSIONS, form: 'stream' })).body,
    ) as Reply;
    expect(reply.exitCode).toBe(0);
    const names = reply.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const row = JSON.parse(line) as { Repository: string; Tag: string };
        return `${row.Repository}:${row.Tag}`;
      });
    expect(names).toContain(testEnv.localOnly);
    expect(names).toContain(good);
  });

  it('passes a failing command through with its exit code and stderr (closed registry port)', async () => {
    const args = ['buildx', 'imagetools', 'inspect', `${testEnv.closedRegistry}/corpus/good:1.0.0`, '--raw'];
    const reply = JSON.parse((await postExec(server.port, server.key, { args, form: 'stream' })).body) as Reply;
    expect(reply.exitCode).toBe(1);
    expect(reply.stderr).toContain('connection refused');
  });

  it('reads registry credentials through DOCKER_CONFIG only (the login-only registry says unauthorized here)', async () => {
    const args = ['buildx', 'imagetools', 'inspect', `${testEnv.authRegistry}/private/good:1.0.0`, '--raw'];
    const reply = JSON.parse((await postExec(server.port, server.key, { args, form: 'stream' })).body) as Reply;
    expect(reply.exitCode).toBe(1);
    expect(reply.stderr.toLowerCase()).toMatch(/unauthorized|authorization|denied/);
  });
});

describe('missing tools', () => {
  it('reports a missing docker CLI as spawn-failed, and the start-up check warns', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'archmatrix-nodocker-'));
    const exec = createNodeExec({ env: { ...testEnv.env, PATH: empty } });
    const other = await startServer({
      port: 0,
      uiDir: join(root, 'ui'),
      standinDir: join(root, 'standin'),
      extensionImage: '',
      exec,
      isAllowed: isReadOnlyCommand,
    });
    try {
      const reply = JSON.parse(
        (await postExec(other.port, other.key, { args: ['buildx', 'version'], form: 'stream' })).body,
      ) as Reply;
      expect(reply.interrupted).toBe('spawn-failed');
      expect(reply.stderr).toContain('ENOENT');
      const status = await checkEnvironment(exec);
      expect(status.engine).toBe('tool-missing');
      expect(describeEnvironment(status).join('\n')).toMatch(/docker CLI was not found/);
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('warns when buildx is missing (a DOCKER_CONFIG without the plugin)', async () => {
    const config = mkdtempSync(join(tmpdir(), 'archmatrix-nobuildx-'));
    try {
      const status = await checkEnvironment(createNodeExec({ env: { ...testEnv.env, DOCKER_CONFIG: config } }));
      expect(status).toMatchObject({ engine: 'ok', buildx: 'missing' });
      expect(describeEnvironment(status).join('\n')).toMatch(/buildx was not found/);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('says nothing when all is well', async () => {
    expect(describeEnvironment(await checkEnvironment(realExec))).toEqual([]);
  });
});

describe('the page', () => {
  it("is served only to this server's own names", async () => {
    expect((await send(server.port, { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    expect((await send(server.port, { headers: { host: `attacker.example:${server.port}` } })).status).toBe(403);
  });
});
