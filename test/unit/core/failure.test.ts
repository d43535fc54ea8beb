import { describe, expect, it } from 'vitest';
import { classifyFailure, describeFailure, FAILURE_KINDS, type FailureKind } from '@core/index.js';
import { fixtureNames, loadFixture } from '../../support/recordings.js';

const EXPECTED: Readonly<Record<string, FailureKind>> = {
  'error-connection-refused': 'unreachable',
  'error-repo-not-found': 'not-found',
  'error-tag-not-found': 'not-found',
  'error-unauthorized': 'unauthorized',
  'error-invalid-ref-space': 'error',
  'error-invalid-ref-uppercase': 'error',
  'login.wrong-password': 'unauthorized',
  'engine.pull-arm64-only-without-platform.docker-26.1.5': 'not-found',
  'engine.pull-arm64-only-without-platform.docker-28.5.2': 'not-found',
};

const kindOf = (name: string): FailureKind | undefined =>
  EXPECTED[name] ?? EXPECTED[Object.keys(EXPECTED).find((k) => name.startsWith(`${k}.`)) ?? ''];

describe('classifyFailure on every recorded error', () => {
  const names = fixtureNames(/^error-|^login\.wrong|^engine\.pull/);

  it('has the recorded error fixtures (both stacks where they differ)', () => {
    expect(names.length).toBeGreaterThanOrEqual(27);
  });

  it.each(names)('%s', (name) => {
    const f = loadFixture(name);
    expect(f.exitCode).not.toBe(0);
    const failure = classifyFailure({ stderr: f.stderr, exitCode: f.exitCode });
    expect(failure.kind).toBe(kindOf(name));
    expect(failure.exitCode).toBe(f.exitCode);
    expect(failure.message).toBe(f.stderr.trim().replace(/^ERROR: /, ''));
    expect(failure.message.startsWith('ERROR:')).toBe(false);
  });
});

describe('classifyFailure on texts the recorded rig cannot produce', () => {
  it.each([
    ["docker: 'buildx' is not a docker command.\nSee 'docker --help'", 'tool-missing'],
    ['unknown command "imagetools" for "docker buildx"', 'tool-missing'],
    ['sh: 1: docker: not found', 'tool-missing'],
    ['toomanyrequests: You have reached your pull rate limit.', 'rate-limited'],
    ['unexpected status from HEAD request: 429 Too Many Requests', 'rate-limited'],
    [
      'ERROR: failed to do request: Head "https://registry.invalid/v2/": dial tcp: lookup registry.invalid: no such host',
      'unreachable',
    ],
    ['dial tcp 10.0.0.1:443: i/o timeout', 'unreachable'],
    ['http: server gave HTTP response to HTTPS client', 'unreachable'],
    ['net/http: TLS handshake timeout', 'unreachable'],
    ['connect: network is unreachable', 'unreachable'],
    [
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'unreachable',
    ],
    ['failed to do request: context deadline exceeded', 'timeout'],
    ['unexpected status from HEAD request: 401 Unauthorized', 'unauthorized'],
    ['unexpected status: 403 Forbidden', 'unauthorized'],
    ['authentication required', 'unauthorized'],
    ['denied: requested access to the resource is denied', 'unauthorized'],
    ['MANIFEST_UNKNOWN: manifest unknown', 'not-found'],
    ['Error: No such image: x', 'not-found'],
    ['something else went wrong', 'error'],
  ] as const)('%j -> %s', (stderr, kind) => {
    expect(classifyFailure({ stderr, exitCode: 1 }).kind).toBe(kind);
  });

  it('interruptions win over the text', () => {
    expect(classifyFailure({ stderr: 'not found', exitCode: null, interrupted: 'timeout' }).kind).toBe('timeout');
    expect(classifyFailure({ stderr: '', exitCode: null, interrupted: 'cancelled' }).kind).toBe('cancelled');
    expect(classifyFailure({ stderr: 'spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' }).kind).toBe(
      'tool-missing',
    );
    expect(classifyFailure({ stderr: '', exitCode: null, interrupted: 'access-refused' })).toEqual({
      kind: 'access-refused',
      message: "the browser-mode server refused this page's access key",
    });
    expect(classifyFailure({ stderr: '', exitCode: 127 }).kind).toBe('tool-missing');
  });

  it('always has a message, and no exitCode when there was none', () => {
    const f = classifyFailure({ stderr: '  ', exitCode: null });
    expect(f.message.length).toBeGreaterThan(0);
    expect('exitCode' in f).toBe(false);
  });

  it('describes every kind in one sentence; unauthorized names the host when the message does', () => {
    for (const kind of FAILURE_KINDS) expect(describeFailure({ kind, message: '' })).toMatch(/\.$/);
    const f = classifyFailure({ stderr: loadFixture('error-unauthorized.manifest-inspect').stderr, exitCode: 1 });
    expect(describeFailure(f)).toContain('docker login 127.0.0.1:5001');
  });
});
