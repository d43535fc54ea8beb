/**
 * The engine as the backend sees it (/health's `engine` and source "local"): a real HTTP server on a Unix
 * socket stands in for the engine, answering recorded outputs; every request it sees is on the allowlist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendEngine, engineSocketFromDockerHost, type BackendEngine } from '@backend/backendEngine.js';
import { isAllowedEngineRequest } from '@engine/index.js';
import { engineData, sendJson, startFakeEngine, withVersion, type FakeEngine } from '../../support/fakeEngine.js';

const open: (FakeEngine | BackendEngine)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

describe('the backend engine', () => {
  it('is available with the engine version and API, and reads the variant of its CPU', async () => {
    const fake = await startFakeEngine(
      withVersion(await engineData('version.docker-28.5.2.json'), (_q, r) => sendJson(r, 404, {})),
    );
    open.push(fake);
    const engine = createBackendEngine({ socket: { kind: 'unix', socketPath: fake.socketPath } });
    open.push(engine);
    expect(engine.health().engine).toBe('unavailable');
    expect(await engine.probe()).toEqual({
      engine: 'available',
      engineReason: `Engine 28.5.2+dfsg4 (API 1.51) on ${fake.socketPath}`,
    });
    const ready = await engine.ready();
    expect(ready.ok && ready.value.host).toBe('linux/amd64');
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => !isAllowedEngineRequest(r.method, r.path))).toEqual([]);
  });

  it('is unavailable, saying where it looked, when no socket is there', async () => {
    const engine = createBackendEngine({ socket: { kind: 'unix', socketPath: '/nonexistent/docker.sock.raw' } });
    open.push(engine);
    const probed = await engine.probe();
    expect(probed.engine).toBe('unavailable');
    expect(probed.engineReason).toContain('no engine socket at /nonexistent/docker.sock.raw');
    const ready = await engine.ready();
    expect(ready.ok).toBe(false);
  });

  it('is unavailable when the engine answers /version with an error, and available again once it answers', async () => {
    const version = await engineData('version.docker-28.5.2.json');
    const fake = await startFakeEngine((_q, r) => sendJson(r, 500, { message: 'daemon is starting' }));
    open.push(fake);
    const engine = createBackendEngine({ socket: { kind: 'unix', socketPath: fake.socketPath } });
    open.push(engine);
    expect((await engine.probe()).engine).toBe('unavailable');
    fake.handler = withVersion(version, (_q, r) => sendJson(r, 404, {}));
    expect((await engine.probe()).engine).toBe('available');
    engine.noteFailure({ kind: 'unavailable', message: 'connect ECONNREFUSED' });
    expect(engine.health()).toEqual({ engine: 'unavailable', engineReason: 'connect ECONNREFUSED' });
    engine.noteFailure({ kind: 'digest-mismatch', message: 'one blob' });
    expect(engine.health().engineReason).toBe('connect ECONNREFUSED');
  });

  it('browser mode: the Unix socket of DOCKER_HOST or the default one; tcp:// is none, with why', () => {
    expect(engineSocketFromDockerHost('unix:///tmp/e/docker.sock')).toEqual({
      kind: 'unix',
      socketPath: '/tmp/e/docker.sock',
    });
    expect(engineSocketFromDockerHost(undefined)).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
    const tcp = engineSocketFromDockerHost('tcp://10.0.0.2:2375');
    expect(tcp.kind).toBe('none');
    expect(tcp.kind === 'none' && tcp.reason).toContain('tcp:// engine');
  });
});
