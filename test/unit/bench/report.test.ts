import { describe, expect, it } from 'vitest';
import { zeroCounts } from '@bench/proxy.js';
import type { KindCounts } from '@bench/proxy.js';
import type { RunStats } from '@bench/measure.js';
import { perImage, renderReport } from '@bench/report.js';
import type { BenchImage } from '@bench/setup.js';

const images: BenchImage[] = [
  { repository: 'bench/00-good', source: 'good', index: true },
  { repository: 'bench/01-amd64-only', source: 'amd64-only', index: false },
  { repository: 'bench/02-legacy-list', source: 'legacy-list', index: true },
];

const counts = (partial: Partial<KindCounts>): KindCounts => ({ ...zeroCounts(), ...partial });

function stats(name: string, seconds: number, perRepo: Record<string, Partial<KindCounts>>): RunStats {
  const byRepository = new Map(Object.entries(perRepo).map(([repo, c]) => [repo, counts(c)]));
  const total = zeroCounts();
  for (const c of byRepository.values()) for (const [k, v] of Object.entries(c)) total[k as keyof KindCounts] += v;
  return { name, seconds, childCpuSeconds: seconds / 2, counts: total, byRepository, failures: [] };
}

const archMatrix = stats('Arch Matrix', 2, {
  'bench/00-good': { 'manifest-head': 1, 'manifest-get': 1 },
  'bench/01-amd64-only': { 'manifest-head': 3, 'manifest-get': 2, 'blob-get': 1 },
  'bench/02-legacy-list': { 'manifest-head': 1, 'manifest-get': 1 },
});
const naive = stats('naive', 30, {
  'bench/00-good': { 'manifest-head': 2, 'manifest-get': 6, 'blob-get': 2 },
  'bench/01-amd64-only': { 'manifest-head': 2, 'manifest-get': 2, 'blob-get': 2 },
  'bench/02-legacy-list': { 'manifest-head': 2, 'manifest-get': 3, 'blob-get': 2 },
});

describe('bench report', () => {
  it('counts manifest GETs per index image and per single manifest', () => {
    expect(perImage(archMatrix, images)).toEqual({
      requests: 10 / 3,
      indexManifestGetsMean: 1,
      indexManifestGetsMax: 1,
      singleManifestGetsMean: 2,
    });
    expect(perImage(naive, images)).toMatchObject({ indexManifestGetsMean: 4.5, indexManifestGetsMax: 6 });
  });

  it('prints both times, the ratio and the requests per image', () => {
    const text = renderReport({
      images,
      delayMs: 50,
      cpus: 2,
      load: [0.5, 1.5],
      buildx: 'buildx 0.13.1',
      process: { seconds: 0.2, cpuSeconds: 0.25 },
      archMatrix: [archMatrix],
      naive,
    });
    expect(text).toContain('15.0x faster');
    expect(text).toMatch(/Arch Matrix\s+2\.00\s+1\.00\s+10\s+3\.3\s+1\.00\s+1\s+2\.00/);
    expect(text).toMatch(/naive\s+30\.00/);
    expect(text).toContain('Manifest GETs per index image (Arch Matrix): 1.00 mean, 1 max');
    expect(text).not.toContain('FAILED');
  });

  it('lists failures so a broken run is not mistaken for a fast one', () => {
    const broken = { ...archMatrix, failures: ['x: unreachable'] };
    expect(
      renderReport({
        images,
        delayMs: 50,
        cpus: 2,
        load: [0.5, 1.5],
        buildx: 'b',
        process: { seconds: 0.2 },
        archMatrix: [broken],
        naive,
      }),
    ).toContain('FAILED (Arch Matrix): x: unreachable');
  });
});
