import { describe, expect, it } from 'vitest';
import { readBackendConfig } from '@backend/config.js';

describe('backend settings from the environment', () => {
  it('defaults to Docker Desktop socket and 4 checks at once', () => {
    expect(readBackendConfig({})).toEqual({
      ok: true,
      value: {
        socketPath: '/run/guest-services/archmatrix.sock',
        concurrency: 4,
        engineSocket: { kind: 'unix', socketPath: '/var/run/docker.sock.raw' },
      },
    });
  });

  it('takes a socket path and a concurrency', () => {
    const config = readBackendConfig({
      ARCHMATRIX_BACKEND_SOCKET: '/tmp/x/b.sock',
      ARCHMATRIX_BACKEND_CONCURRENCY: '2',
    });
    expect(config).toEqual({
      ok: true,
      value: {
        socketPath: '/tmp/x/b.sock',
        concurrency: 2,
        engineSocket: { kind: 'unix', socketPath: '/var/run/docker.sock.raw' },
      },
    });
  });

  it('takes the engine socket, or "none" for no engine', () => {
    const given = readBackendConfig({ ARCHMATRIX_ENGINE_SOCKET: '/tmp/e/docker.sock' });
    expect(given.ok && given.value.engineSocket).toEqual({ kind: 'unix', socketPath: '/tmp/e/docker.sock' });
    const none = readBackendConfig({ ARCHMATRIX_ENGINE_SOCKET: 'none' });
    expect(none.ok && none.value.engineSocket).toMatchObject({ kind: 'none' });
  });

  it('takes a per-image deadline in whole seconds; without one the deep check keeps its default', () => {
    expect(readBackendConfig({ ARCHMATRIX_BACKEND_DEADLINE: '20' })).toEqual({
      ok: true,
      value: {
        socketPath: '/run/guest-services/archmatrix.sock',
        concurrency: 4,
        engineSocket: { kind: 'unix', socketPath: '/var/run/docker.sock.raw' },
        deadlineMs: 20_000,
      },
    });
    const config = readBackendConfig({});
    expect(config.ok && config.value.deadlineMs).toBeUndefined();
  });

  it.each([
    [{ ARCHMATRIX_BACKEND_DEADLINE: '0' }, 'from 1 to 600'],
    [{ ARCHMATRIX_BACKEND_DEADLINE: '601' }, 'from 1 to 600'],
    [{ ARCHMATRIX_BACKEND_DEADLINE: '5s' }, 'whole number of seconds'],
    [{ ARCHMATRIX_BACKEND_SOCKET: 'relative.sock' }, 'is not absolute'],
    [{ ARCHMATRIX_BACKEND_SOCKET: `/tmp/${'a'.repeat(120)}.sock` }, 'longer than 107 bytes'],
    [{ ARCHMATRIX_BACKEND_CONCURRENCY: '0' }, 'from 1 to 16'],
    [{ ARCHMATRIX_BACKEND_CONCURRENCY: '17' }, 'from 1 to 16'],
    [{ ARCHMATRIX_BACKEND_CONCURRENCY: '2; rm' }, 'from 1 to 16'],
    [{ ARCHMATRIX_ENGINE_SOCKET: 'docker.sock' }, 'ARCHMATRIX_ENGINE_SOCKET must be an absolute socket path'],
    [{ ARCHMATRIX_ENGINE_SOCKET: 'tcp://1.2.3.4:2375' }, 'ARCHMATRIX_ENGINE_SOCKET must be an absolute socket path'],
  ])('refuses %o', (env, message) => {
    const config = readBackendConfig(env);
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.error).toContain(message);
  });
});
