// @vitest-environment jsdom
/**
 * The stand-in ddClient behind the UI's real ExecPort adapter (src/adapters/ddClientExec.ts):
 * what the app sees in browser mode for success, failure, a missing docker, a refusal and a cancel.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDdClientExec } from '@adapters/ddClientExec.js';
import { ENVIRONMENT_NOTICES, checkEnvironment, environmentNotices } from '@commands/environment.js';
import type { DocumentLike } from '@server/standin/browser.js';
import { createStandinClient } from '@server/standin/client.js';
import type { ExecBody } from '@wire/standinProtocol.js';
import type { PostExec, TransportResult } from '@server/standin/transport.js';

interface Recorded {
  readonly argv: string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}
// jsdom replaces the URL global, so the fixture path is built with node:path.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'fixtures');
const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as Recorded;

function portOver(answer: (body: ExecBody, signal: AbortSignal) => Promise<TransportResult>) {
  const sent: ExecBody[] = [];
  const post: PostExec = (body, signal) => {
    sent.push(body);
    return answer(body, signal);
  };
  const client = createStandinClient(
    { platform: 'linux', arch: 'x64', hostname: 'box', extensionImage: '' },
    { post, document: document as unknown as DocumentLike, open: () => undefined, later: () => undefined },
  );
  return { sent, exec: createDdClientExec(client) };
}

const replay = (name: string) => async (): Promise<TransportResult> => {
  const fixture = recorded(name);
  return {
    ok: true,
    reply: { argv: fixture.argv, stdout: fixture.stdout, stderr: fixture.stderr, exitCode: fixture.exitCode },
  };
};

describe('stand-in ddClient behind the ddClient ExecPort adapter', () => {
  it('delivers a recorded success byte for byte, with the full argv sent to the server', async () => {
    const fixture = recorded('good.imagetools-raw');
    const { sent, exec } = portOver(replay('good.imagetools-raw'));
    const output = await exec({ args: fixture.argv });
    expect(sent).toEqual([{ args: fixture.argv, form: 'stream' }]);
    expect(output).toEqual({ stdout: fixture.stdout, stderr: '', exitCode: 0 });
  });

  it('delivers a recorded failure with its exit code and stderr', async () => {
    const fixture = recorded('error-connection-refused.imagetools-raw');
    const { exec } = portOver(replay('error-connection-refused.imagetools-raw'));
    expect(await exec({ args: fixture.argv })).toEqual({ stdout: '', stderr: fixture.stderr, exitCode: 1 });
  });

  it('reports a missing docker binary as spawn-failed', async () => {
    const { exec } = portOver(async () => ({
      ok: true,
      reply: {
        argv: ['buildx', 'version'],
        stdout: '',
        stderr: 'docker: ENOENT: spawn docker ENOENT',
        exitCode: null,
        interrupted: 'spawn-failed',
      },
    }));
    expect(await exec({ args: ['buildx', 'version'] })).toMatchObject({ exitCode: null, interrupted: 'spawn-failed' });
  });

  it('reports a refusal as a failed command with the reason, not as a missing tool', async () => {
    const { exec } = portOver(async () => ({
      ok: false,
      kind: 'refused',
      message: 'Refused: `docker rm x` is not on the allowlist.',
    }));
    const output = await exec({ args: ['rm', 'x'] });
    expect(output.exitCode).toBeNull();
    expect(output.interrupted).toBeUndefined();
    expect(output.stderr).toContain('not on the allowlist');
  });

  it('reports a refused key (HTTP 401) as access-refused, and the environment check says only that', async () => {
    const { exec } = portOver(async () => ({ ok: false, kind: 'unauthorized', message: 'Missing or wrong key' }));
    expect(await exec({ args: ['version', '--format=json'] })).toEqual({
      stdout: '',
      stderr: 'Missing or wrong key',
      exitCode: null,
      interrupted: 'access-refused',
    });
    const status = await checkEnvironment(exec);
    expect(status.engine).toBe('access-refused');
    const notices = environmentNotices(status);
    expect(notices).toEqual([ENVIRONMENT_NOTICES['access-refused']]);
    expect(status.message).toBe(ENVIRONMENT_NOTICES['access-refused'].message);
    expect(`${status.message ?? ''} ${notices.map((n) => n.title).join(' ')}`).not.toMatch(/engine|buildx/i);
  });

  it('cancels: the adapter closes the process and the request is aborted', async () => {
    let aborted: AbortSignal | undefined;
    const { exec } = portOver((_body, signal) => {
      aborted = signal;
      return new Promise<TransportResult>(() => undefined);
    });
    const controller = new AbortController();
    const pending = exec({ args: ['buildx', 'version'], signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    expect(await pending).toMatchObject({ interrupted: 'cancelled' });
    expect(aborted?.aborted).toBe(true);
  });
});
