import { describe, expect, it } from 'vitest';
import { checkEnvironment } from '../../../src/commands/environment.js';
import { answer, fixturePort } from './fixturePort.js';

describe('checkEnvironment', () => {
  it('engine and buildx present (recorded on the rig stack)', async () => {
    const port = fixturePort();
    const status = await checkEnvironment(port.exec);
    expect(status).toEqual({ engine: 'ok', buildx: 'available', buildxVersion: '0.13.1+ds1' });
    expect(port.violations).toEqual([]);
    expect(port.misses).toEqual([]);
  });

  it('buildx missing (real CLI answer without the plugin)', async () => {
    const port = fixturePort([(args) => (args[0] === 'buildx' ? answer('recorded/buildx-missing.buildx-version') : undefined)]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('ok');
    expect(status.buildx).toBe('missing');
    expect(status.buildxVersion).toBeUndefined();
    expect(status.message).toMatch(/manifest inspect/);
  });

  it('engine unreachable (real CLI answer with no daemon)', async () => {
    const port = fixturePort([(args) => (args[0] === 'version' ? answer('recorded/engine-unreachable.version') : undefined)]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('unreachable');
    expect(status.message).toBeDefined();
  });

  it('docker not installed', async () => {
    const port = fixturePort([() => ({ stdout: '', stderr: 'spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' })]);
    const status = await checkEnvironment(port.exec);
    expect(status.engine).toBe('tool-missing');
    expect(status.buildx).toBe('missing');
  });
});
