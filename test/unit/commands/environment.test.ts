import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NOTICES, checkEnvironment, environmentNotices } from '@commands/environment.js';
import { fixturePort, recordedAnswer } from '../../support/fixturePort.js';

describe('checkEnvironment', () => {
  it('engine and buildx present (recorded on the rig stack)', async () => {
    const port = fixturePort();
    const status = await checkEnvironment(port.exec);
    expect(status).toEqual({ engine: 'ok', buildx: 'available', buildxVersion: '0.13.1+ds1' });
    expect(port.violations).toEqual([]);
    expect(port.misses).toEqual([]);
  });

  it('buildx missing (real CLI answer without the plugin)', async () => {
    const port = fixturePort([
      (args) => (args[0] === 'buildx' ? recordedAnswer('buildx-missing.buildx-version') : undefined),
    ]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('ok');
    expect(status.buildx).toBe('missing');
    expect(status.buildxVersion).toBeUndefined();
    expect(status.message).toMatch(/manifest inspect/);
  });

  it('engine unreachable (real CLI answer with no daemon)', async () => {
    const port = fixturePort([
      (args) => (args[0] === 'version' ? recordedAnswer('engine-unreachable.version') : undefined),
    ]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('unreachable');
    expect(status.message).toBeDefined();
  });

  it('a refused key (browser mode) is access-refused, not an unreachable engine or a missing docker', async () => {
    const port = fixturePort([
      () => ({ stdout: '', stderr: 'Missing or wrong key', exitCode: null, interrupted: 'access-refused' }),
    ]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('access-refused');
    expect(status.message).toBe(ENVIRONMENT_NOTICES['access-refused'].message);
    expect(status.detail).toBe('Missing or wrong key');
  });

  it('docker not installed', async () => {
    const port = fixturePort([
      () => ({ stdout: '', stderr: 'spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' }),
    ]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('tool-missing');
    expect(status.buildx).toBe('missing');
  });
});

describe('environmentNotices: the words every front end shows', () => {
  it('says nothing when all is well', () => {
    expect(environmentNotices({ engine: 'ok', buildx: 'available' })).toEqual([]);
  });

  it('docker missing is one error about docker, never about buildx', () => {
    const notices = environmentNotices({ engine: 'tool-missing', buildx: 'missing' });
    expect(notices.map((n) => n.id)).toEqual(['docker-missing']);
    expect(notices[0]?.severity).toBe('error');
    expect(`${notices[0]?.title} ${notices[0]?.message}`).not.toMatch(/buildx/);
  });

  it('a refused key is one error saying the key is stale or missing and to open the URL npm start printed last, nothing about the engine or buildx', () => {
    const notices = environmentNotices({ engine: 'access-refused', buildx: 'missing' });
    expect(notices.map((n) => [n.id, n.severity])).toEqual([['access-refused', 'error']]);
    const words = `${notices[0]?.title} ${notices[0]?.message}`;
    expect(words).toMatch(/key is stale or missing/);
    expect(words).toMatch(/Open the URL that `npm start` printed last/);
    expect(words).not.toMatch(/engine|buildx|docker/i);
  });

  it('an unreachable engine and a missing buildx are two notices, the error first', () => {
    const notices = environmentNotices({ engine: 'unreachable', buildx: 'missing' });
    expect(notices.map((n) => [n.id, n.severity])).toEqual([
      ['engine-unreachable', 'error'],
      ['buildx-missing', 'warning'],
    ]);
    expect(notices[1]?.message).toMatch(/manifest inspect/);
  });

  it('the status message is made of the same words, and the raw engine error is kept apart', async () => {
    const port = fixturePort([
      (args) => (args[0] === 'version' ? recordedAnswer('engine-unreachable.version') : undefined),
    ]);
    const status = await checkEnvironment(port.exec);
    expect(status.message).toBe(ENVIRONMENT_NOTICES['engine-unreachable'].message);
    expect(status.detail).toMatch(/Cannot connect to the Docker daemon/);
  });
});
