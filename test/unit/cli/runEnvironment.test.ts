/**
 * runCli and what the machine holds, over the recorded outputs: the installed extension images without
 * references, an engine or docker CLI that is missing, buildx missing, --help, --version and bad usage.
 */
import { describe, expect, it } from 'vitest';
import type { ExecOutput, ExecPort } from '@commands/execPort.js';
import { cli, rows } from '../../support/cliRun.js';
import { recorded } from '../../support/corpus.js';
import { fixturePort, recordedAnswer, type Override } from '../../support/fixturePort.js';

describe('runCli without references', () => {
  it('inspects the installed extension images', async () => {
    const port = fixturePort();
    const out = await cli(['--json'], port.exec);
    expect(port.violations).toEqual([]);
    expect(out.code).toBe(0);
    const byRef = new Map(rows(out.stdout).map((r) => [r.reference, r.verdict]));
    expect(byRef.get(recorded('good'))).toBe('ready');
    expect(byRef.get(recorded('amd64-only'))).toBe('missing-platforms');
    expect(byRef.get('local/dev-extension:latest')).toBe('local-only');
  });

  it('exits 3 with the reason when the engine cannot list them', async () => {
    const unreachable: Override = (args) =>
      args[0] === 'image' || args[0] === 'version' ? recordedAnswer('engine-unreachable.version') : undefined;
    const out = await cli([], fixturePort([unreachable]).exec);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('could not list the installed extensions');
    expect(out.stdout).toBe('');
  });
});

describe('runCli environment', () => {
  it('exits 3 with a clear message when docker is not installed', async () => {
    const calls: string[][] = [];
    const missing: ExecPort = async (request): Promise<ExecOutput> => {
      calls.push([...request.args]);
      return { stdout: '', stderr: 'docker: ENOENT: spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' };
    };
    const out = await cli([recorded('good')], missing);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('docker CLI was not found');
    expect(calls.every((argv) => argv[0] === 'version' || argv[0] === 'buildx')).toBe(true);
  });

  it('warns and falls back when buildx is missing', async () => {
    const noBuildx: Override = (args) =>
      args[0] === 'buildx' ? recordedAnswer('buildx-missing.buildx-version') : undefined;
    const port = fixturePort([noBuildx]);
    const out = await cli(['--json', recorded('good')], port.exec);
    expect(out.stderr).toContain('buildx was not found');
    expect(port.calls.some((argv) => argv[0] === 'manifest')).toBe(true);
    expect(rows(out.stdout)[0]?.verdict).toBe('ready');
  });

  it('--help and --version print and exit 0 without running docker', async () => {
    const port = fixturePort();
    expect((await cli(['--help'], port.exec)).stdout).toContain('Usage: archmatrix');
    expect((await cli(['--version'], port.exec)).stdout).toBe('archmatrix 9.9.9\n');
    expect(port.calls).toEqual([]);
  });

  it('bad usage exits 2', async () => {
    const out = await cli(['--concurrency', 'lots'], fixturePort().exec);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('archmatrix --help');
  });
});
