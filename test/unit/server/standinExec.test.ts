import type { v1 } from '@docker/extension-api-client-types';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_REFUSED_CODE } from '@core/failure.js';
import { createExec } from '@server/standin/exec.js';
import type { ExecBody, ExecReply } from '@wire/standinProtocol.js';
import type { PostExec, TransportResult } from '@server/standin/transport.js';

// Output recorded from the rig.
const fixture = new URL('../../data/fixtures/buildx-version.buildx-0.13.1.json', import.meta.url);
const VERSION_OUT = (JSON.parse(readFileSync(fixture, 'utf8')) as { stdout: string }).stdout;

const reply = (partial: Partial<ExecReply>): TransportResult => ({
  ok: true,
  reply: { argv: ['buildx', 'version'], stdout: '', stderr: '', exitCode: 0, ...partial },
});

function fakePost(result: TransportResult | (() => Promise<TransportResult>)) {
  const sent: { body: ExecBody; signal: AbortSignal }[] = [];
  const post: PostExec = async (body, signal) => {
    sent.push({ body, signal });
    return typeof result === 'function' ? result() : result;
  };
  return { sent, post };
}

interface Events {
  out: string[];
  err: string[];
  closed: number[];
  errors: unknown[];
}

/** Runs `docker ARGV` through the stream form: Docker Desktop's exec takes the subcommand as cmd. */
function streamed(
  exec: v1.Exec,
  argv: string[],
  splitOutputLines = false,
): { events: Events; process: v1.ExecProcess; done: Promise<void> } {
  const [cmd = '', ...args] = argv;
  const events: Events = { out: [], err: [], closed: [], errors: [] };
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const process = exec(cmd, args, {
    stream: {
      onOutput: (data) => (data.stdout !== undefined ? events.out.push(data.stdout) : events.err.push(data.stderr)),
      onClose: (code) => {
        events.closed.push(code);
        finish();
      },
      onError: (error: unknown) => {
        events.errors.push(error);
        finish();
      },
      splitOutputLines,
    },
  });
  return { events, process, done };
}

describe('stand-in exec, stream form', () => {
  it('sends cmd and the arguments unchanged with form "stream" and reports output then the exit code', async () => {
    const { sent, post } = fakePost(reply({ stdout: VERSION_OUT }));
    const { events, done } = streamed(createExec(post), ['buildx', 'version']);
    await done;
    expect(sent[0]?.body).toEqual({ args: ['buildx', 'version'], form: 'stream' });
    expect(events).toEqual({ out: [VERSION_OUT], err: [], closed: [0], errors: [] });
  });

  it('splits output into lines when asked', async () => {
    const { post } = fakePost(reply({ stdout: 'a\nb\n', stderr: 'warn\n' }));
    const { events, done } = streamed(createExec(post), ['version'], true);
    await done;
    expect(events.out).toEqual(['a', 'b']);
    expect(events.err).toEqual(['warn']);
  });

  it('reports a failing command through onClose with its exit code and stderr', async () => {
    const { post } = fakePost(reply({ stderr: 'ERROR: not found\n', exitCode: 1 }));
    const { events, done } = streamed(createExec(post), ['version']);
    await done;
    expect(events).toEqual({ out: [], err: ['ERROR: not found\n'], closed: [1], errors: [] });
  });

  it('reports a missing docker binary through onError with ENOENT', async () => {
    const { post } = fakePost(
      reply({ stderr: 'docker: ENOENT: spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' }),
    );
    const { events, done } = streamed(createExec(post), ['version']);
    await done;
    expect(events.closed).toEqual([]);
    expect(events.errors[0]).toBeInstanceOf(Error);
    expect(events.errors[0]).toMatchObject({ code: 'ENOENT', message: 'docker: ENOENT: spawn docker ENOENT' });
  });

  it('reports a refusal through onError and tells the failure listener', async () => {
    const failures: string[] = [];
    const { post } = fakePost({ ok: false, kind: 'refused', message: 'Refused: not on the allowlist' });
    const { events, done } = streamed(
      createExec(post, (failure) => failures.push(failure.kind)),
      ['rm', 'x'],
    );
    await done;
    expect((events.errors[0] as Error).message).toBe('Refused: not on the allowlist');
    expect(failures).toEqual(['refused']);
  });

  it('reports a refused key through onError marked ACCESS_REFUSED_CODE and tells the failure listener', async () => {
    const failures: string[] = [];
    const { post } = fakePost({ ok: false, kind: 'unauthorized', message: 'Missing or wrong key' });
    const { events, done } = streamed(
      createExec(post, (failure) => failures.push(failure.kind)),
      ['version'],
    );
    await done;
    expect(events.closed).toEqual([]);
    expect(events.errors[0]).toMatchObject({ message: 'Missing or wrong key', code: ACCESS_REFUSED_CODE });
    expect(failures).toEqual(['unauthorized']);
  });

  it('close() aborts the request and nothing is reported afterwards', async () => {
    let release: (value: TransportResult) => void = () => undefined;
    const { sent, post } = fakePost(() => new Promise<TransportResult>((resolve) => (release = resolve)));
    const { events, process } = streamed(createExec(post), ['buildx', 'version']);
    await Promise.resolve();
    process.close();
    expect(sent[0]?.signal.aborted).toBe(true);
    release(reply({ stdout: VERSION_OUT }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual({ out: [], err: [], closed: [], errors: [] });
  });

  it('passes arguments with spaces and quotes unchanged (the server splits only the promise form)', async () => {
    const { sent, post } = fakePost(reply({}));
    const { done } = streamed(createExec(post), ['image', 'ls', '--format', '{{json .}}', "it's"]);
    await done;
    expect(sent[0]?.body).toEqual({ args: ['image', 'ls', '--format', '{{json .}}', "it's"], form: 'stream' });
  });
});

describe('stand-in exec, promise form', () => {
  it('sends form "exec" and resolves an ExecResult with its helpers', async () => {
    const lines = '{"a":1}\n{"a":2}\n';
    const { sent, post } = fakePost(reply({ argv: ['image', 'ls'], stdout: lines }));
    const result = await createExec(post)('image', ['ls']);
    expect(sent[0]?.body).toEqual({ args: ['image', 'ls'], form: 'exec' });
    expect(result.code).toBe(0);
    expect(result.cmd).toBe('docker image ls');
    expect(result.lines()).toEqual(['{"a":1}', '{"a":2}']);
    expect(result.parseJsonLines()).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('parses a JSON object', async () => {
    const { post } = fakePost(reply({ stdout: '{"Client":{"Version":"26.1.5"}}' }));
    expect((await createExec(post)('version', [])).parseJsonObject()).toEqual({ Client: { Version: '26.1.5' } });
  });

  it('rejects with the result (stderr, code) on a non-zero exit, as Docker Desktop does', async () => {
    const { post } = fakePost(reply({ stderr: 'ERROR: boom', exitCode: 1 }));
    await expect(createExec(post)('version', [])).rejects.toMatchObject({ stderr: 'ERROR: boom', code: 1 });
  });

  it('rejects with an Error when the server refused', async () => {
    const { post } = fakePost({ ok: false, kind: 'refused', message: 'Refused: not on the allowlist' });
    const rejected = createExec(post)('version', []);
    await expect(rejected).rejects.toThrow('Refused: not on the allowlist');
    await expect(rejected).rejects.not.toHaveProperty('code');
  });

  it('rejects a refused key (HTTP 401) with an Error marked ACCESS_REFUSED_CODE', async () => {
    const { post } = fakePost({ ok: false, kind: 'unauthorized', message: 'Missing or wrong key' });
    await expect(createExec(post)('version', [])).rejects.toMatchObject({
      message: 'Missing or wrong key',
      code: ACCESS_REFUSED_CODE,
    });
  });
});
