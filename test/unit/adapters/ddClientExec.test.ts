import { describe, expect, it } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import { createDdClientExec, outputFromFailure } from '@adapters/ddClientExec.js';
import { ACCESS_REFUSED_CODE } from '@core/failure.js';
import { fakeClient } from '../../support/fakeClient.js';

const rawResult = (stdout: string, stderr: string, code: number): v1.ExecResult => ({
  stdout,
  stderr,
  code,
  lines: () => stdout.split('\n'),
  parseJsonLines: () => [],
  parseJsonObject: (): unknown => JSON.parse(stdout),
});

describe('createDdClientExec (stream form)', () => {
  it('runs `docker <first arg> <rest>` unchanged and collects chunked output until onClose', async () => {
    const fake = fakeClient((call) => {
      setTimeout(() => {
        call.stream?.onOutput?.({ stdout: '{"schemaVersion":' });
        call.stream?.onOutput?.({ stderr: 'warn\n' });
        call.stream?.onOutput?.({ stdout: ' 2}' });
        call.stream?.onClose?.(0);
      }, 0);
      return undefined;
    });
    const out = await createDdClientExec(fake.client)({
      args: ['buildx', 'imagetools', 'inspect', 'docker.io/library/alpine:latest', '--format={{.Image|json}}'],
    });
    expect(fake.calls[0]?.cmd).toBe('buildx');
    expect(fake.calls[0]?.args).toEqual([
      'imagetools',
      'inspect',
      'docker.io/library/alpine:latest',
      '--format={{.Image|json}}',
    ]);
    expect(fake.calls[0]?.stream).toBeDefined();
    expect(out).toEqual({ stdout: '{"schemaVersion": 2}', stderr: 'warn\n', exitCode: 0 });
  });

  it('reports a non-zero exit code as output, not as a rejection', async () => {
    const fake = fakeClient((call) => {
      setTimeout(() => {
        call.stream?.onOutput?.({ stderr: 'ERROR: 127.0.0.1:5000/corpus/good:9.9.9: not found\n' });
        call.stream?.onClose?.(1);
      }, 0);
      return undefined;
    });
    const out = await createDdClientExec(fake.client)({ args: ['buildx', 'version'] });
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('not found');
  });

  it('closes the process and reports a timeout when the command never answers', async () => {
    const fake = fakeClient(() => undefined);
    const out = await createDdClientExec(fake.client)({ args: ['buildx', 'version'], timeoutMs: 20 });
    expect(out.interrupted).toBe('timeout');
    expect(out.exitCode).toBeNull();
    expect(fake.calls[0]?.closed).toBe(1);
  });

  it('closes the process when the signal aborts, and ignores a late onClose', async () => {
    const fake = fakeClient(() => undefined);
    const controller = new AbortController();
    const pending = createDdClientExec(fake.client)({ args: ['buildx', 'version'], signal: controller.signal });
    controller.abort();
    const out = await pending;
    fake.calls[0]?.stream?.onClose?.(0);
    expect(out.interrupted).toBe('cancelled');
    expect(fake.calls[0]?.closed).toBe(1);
  });

  it('runs nothing when the signal is already aborted', async () => {
    const fake = fakeClient(() => undefined);
    const controller = new AbortController();
    controller.abort();
    const out = await createDdClientExec(fake.client)({ args: ['buildx', 'version'], signal: controller.signal });
    expect(out.interrupted).toBe('cancelled');
    expect(fake.calls).toHaveLength(0);
  });

  it('turns onError with an Error into output that names the error', async () => {
    const fake = fakeClient((call) => {
      setTimeout(() => call.stream?.onError?.(new Error('spawn docker ENOENT')), 0);
      return undefined;
    });
    const out = await createDdClientExec(fake.client)({ args: ['version', '--format=json'] });
    expect(out).toEqual({ stdout: '', stderr: 'spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' });
  });

  it('turns a rejection that is an object with stderr into that output (promise-only clients)', async () => {
    const fake = fakeClient(() =>
      Promise.reject(
        rawResult(
          '',
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
          1,
        ),
      ),
    );
    const out = await createDdClientExec(fake.client)({ args: ['version', '--format=json'] });
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('Cannot connect to the Docker daemon');
  });

  it('takes a resolved promise result when the client answers the stream call with a promise', async () => {
    const fake = fakeClient(() =>
      Promise.resolve(rawResult('github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n', '', 0)),
    );
    const out = await createDdClientExec(fake.client)({ args: ['buildx', 'version'] });
    expect(out).toEqual({ stdout: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n', stderr: '', exitCode: 0 });
  });

  it('survives exec throwing synchronously', async () => {
    const fake = fakeClient(() => {
      throw new TypeError('exec is not available');
    });
    const out = await createDdClientExec(fake.client)({ args: ['buildx', 'version'] });
    expect(out.exitCode).toBeNull();
    expect(out.stderr).toBe('exec is not available');
  });
});

describe('outputFromFailure', () => {
  it('keeps stdout, stderr and code of a RawExecResult-like rejection', () => {
    expect(outputFromFailure({ stdout: 'x', stderr: 'y', code: 3 })).toEqual({ stdout: 'x', stderr: 'y', exitCode: 3 });
  });
  it('turns an Error marked ACCESS_REFUSED_CODE into access-refused, not a plain failure or a missing tool', () => {
    const refused = Object.assign(new Error('Missing or wrong key'), { code: ACCESS_REFUSED_CODE });
    expect(outputFromFailure(refused)).toEqual({
      stdout: '',
      stderr: 'Missing or wrong key',
      exitCode: null,
      interrupted: 'access-refused',
    });
    expect(outputFromFailure(new Error('Missing or wrong key')).interrupted).toBeUndefined();
  });
  it('describes an unknown rejection as text', () => {
    expect(outputFromFailure({ reason: 'gone' }).stderr).toBe('{"reason":"gone"}');
    expect(outputFromFailure('plain').stderr).toBe('plain');
  });
});
