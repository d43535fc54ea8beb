import { describe, expect, it } from 'vitest';
import { renderLocalReport } from '@bench/localReport.js';
import type { RunnerFigures } from '@bench/localRunner.js';
import { parseBenchOptions } from '@bench/options.js';

const figures = (over: Partial<RunnerFigures>): RunnerFigures => ({
  mode: 'local',
  exitCode: 0,
  seconds: 2.5,
  rows: 7,
  checked: 5,
  variantsRead: 5,
  sources: { local: 12 },
  verdicts: { ready: 4, incompatible: 1, 'local-only': 1, 'missing-platforms': 1 },
  registryBlobGets: 0,
  registryBytes: 0,
  bytesReadByRow: {},
  exports: 5,
  exportedBytes: 200 * 1024 * 1024,
  maxRssKiB: 150 * 1024,
  stderr: '',
  ...over,
});

describe('the local-store part of the benchmark', () => {
  it('prints one table row per run with its bytes from registries, bytes exported and peak RSS', () => {
    const text = renderLocalReport({
      engines: ['Engine 26.1.5, containerd image store'],
      delayMs: 50,
      cpus: 2,
      load: [1, 1.5],
      runs: [
        {
          name: 'local store',
          command: 'archmatrix --deep',
          figures: figures({}),
          rounds: [figures({ seconds: 2.25 }), figures({}), figures({ seconds: 3 })],
        },
        {
          name: 'registry, same variant',
          command: 'archmatrix --deep, the store answering "not here"',
          figures: figures({
            mode: 'registry',
            seconds: 1.25,
            registryBlobGets: 21,
            registryBytes: 32 * 1024 * 1024,
            exports: 0,
            exportedBytes: 0,
            sources: { registry: 12 },
          }),
        },
      ],
      idle: figures({ maxRssKiB: 60 * 1024 }),
    });
    const rows = text.split('\n');
    expect(rows.find((l) => l.startsWith('run '))).toMatch(/MiB from registries +blob GETs +MiB exported by engine/);
    expect(rows.find((l) => l.startsWith('local store '))?.split(/ {2,}/)).toEqual([
      'local store',
      '5 of 7',
      '5',
      '2.50',
      '0.0',
      '0',
      '200.0',
      '5',
      '150',
    ]);
    expect(rows.find((l) => l.startsWith('registry, same variant '))?.split(/ {2,}/)).toEqual([
      'registry, same variant',
      '5 of 7',
      '5',
      '1.25',
      '32.0',
      '21',
      '0.0',
      '0',
      '150',
    ]);
    expect(text).toContain('host binaries read from registry 12.');
    expect(text).toContain(
      'host binaries read from local 12; 3 rounds (median by seconds shown): 2.25, 2.50, 3.00 s, 0.0, 0.0, 0.0 MiB from registries.',
    );
    expect(text).toContain('+50 ms per request');
    expect(text).toContain('Idle run (archmatrix --version in the same runner): peak RSS 60 MiB.');
  });
});

describe('bench options: which parts run', () => {
  const base = { DOCKER_CONFIG: '/nowhere', PATH: '/usr/bin' };
  const parts = (argv: string[]) => {
    const o = parseBenchOptions(argv, base);
    return { platforms: o.platforms, deep: o.deep, local: o.local };
  };

  it('all three by default; --no-deep and --no-local leave one out', () => {
    expect(parts([])).toEqual({ platforms: true, deep: true, local: true });
    expect(parts(['--no-local'])).toEqual({ platforms: true, deep: true, local: false });
    expect(parts(['--no-deep'])).toEqual({ platforms: true, deep: false, local: true });
  });

  it('each --*-only picks its part, and two pick both', () => {
    expect(parts(['--local-only'])).toEqual({ platforms: false, deep: false, local: true });
    expect(parts(['--deep-only'])).toEqual({ platforms: false, deep: true, local: false });
    expect(parts(['--deep-only', '--local-only'])).toEqual({ platforms: false, deep: true, local: true });
    expect(parseBenchOptions(['--rounds', '3'], base).rounds).toBe(3);
    expect(parseBenchOptions([], base).rounds).toBe(1);
    expect(() => parseBenchOptions(['--rounds', '0'], base)).toThrow(/--rounds/);
  });
});
