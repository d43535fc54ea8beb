import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_SOCKET, engineHostFrom } from '@engine/index.js';

describe('engineHostFrom: the engine of DOCKER_HOST', () => {
  it('unset or empty: the default socket', () => {
    expect(engineHostFrom(undefined)).toEqual({ kind: 'unix', socketPath: DEFAULT_ENGINE_SOCKET });
    expect(engineHostFrom('  ')).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
  });

  it('a unix:// socket', () => {
    expect(engineHostFrom('unix:///tmp/archmatrix-testenv/docker28.sock')).toEqual({
      kind: 'unix',
      socketPath: '/tmp/archmatrix-testenv/docker28.sock',
    });
    expect(engineHostFrom('unix://relative.sock').kind).toBe('unsupported');
  });

  it.each(['tcp://10.0.0.5:2376', 'ssh://me@build-box', 'npipe:////./pipe/docker_engine', 'fd://', 'http://x'])(
    '%s: unsupported, saying the registry is read instead',
    (host) => {
      const got = engineHostFrom(host);
      expect(got.kind).toBe('unsupported');
      if (got.kind === 'unsupported') {
        expect(got.message).toContain(host.slice(0, 20));
        expect(got.message).toMatch(/Unix socket/);
      }
    },
  );

  it('never echoes control characters', () => {
    const got = engineHostFrom('tcp://x\n\u001b[31m');
    expect(got.kind === 'unsupported' && (got.message.includes('\n') || got.message.includes('\u001b'))).toBe(false);
  });
});
