import { describe, expect, it } from 'vitest';
import { deepLines } from '@cli/renderDeep.js';
import { renderTable } from '@cli/renderTable.js';
import { plain } from '@cli/text.js';
import { withDeepParts, type DeepParts, type HostBinaryFinding, type InspectResult } from '@core/index.js';
import { READY, result } from '../../support/handBuiltResults.js';

const WRONG: HostBinaryFinding = {
  os: 'darwin',
  platform: 'linux/arm64',
  path: '/darwin/tool',
  state: 'wrong-cpu',
  found: 'x86_64',
  wanted: 'arm64',
  message: 'x86_64 Mach-O at /darwin/tool in the linux/arm64 variant.',
  warningOnly: false,
  fix: 'Pick the macOS binary by CPU.',
};

const deep = (over: Partial<DeepParts>): DeepParts => ({
  status: 'checked',
  verdict: 'wrong-host-binary',
  explanation: WRONG.message,
  fix: WRONG.fix,
  warnings: 0,
  variants: ['linux/amd64', 'linux/arm64'],
  hostBinaries: [WRONG],
  backend: [],
  notes: [],
  bytesRead: 1,
  bytesTotal: 1,
  ...over,
});

const INCOMPATIBLE: InspectResult = result({
  reference: 'acme/ext:1',
  verdict: 'incompatible',
  platforms: ['linux/amd64', 'linux/arm64'],
  explanation: 'Not published for this machine',
  fix: 'docker buildx build --platform=linux/amd64,linux/arm64 --push .',
});

describe('deepLines: the deep fix', () => {
  it('is printed when the platform verdict is worse and keeps its own fix as the row fix', () => {
    const judged = withDeepParts(INCOMPATIBLE, deep({}));
    expect(judged.verdict).toBe('incompatible');
    expect(judged.fix).toBe(INCOMPATIBLE.fix);
    expect(deepLines(judged, plain)).toContain('  deep fix: Pick the macOS binary by CPU.');
  });

  it('is not printed twice when the deep verdict wins (the row fix is already the deep fix)', () => {
    const judged = withDeepParts(READY, deep({}));
    expect(judged.verdict).toBe('wrong-host-binary');
    expect(judged.fix).toBe(WRONG.fix);
    expect(deepLines(judged, plain).filter((line) => line.includes('deep fix'))).toEqual([]);
  });

  const NOT_CHECKED = deep({
    status: 'not-checked',
    verdict: undefined,
    explanation: 'never pushed',
    fix: 'docker push x',
    hostBinaries: [],
  });
  /** How many times `text` occurs in the whole table of `results`. */
  const timesInTable = (results: readonly InspectResult[], text: string): number =>
    renderTable(results, { required: [], paint: plain }).split(text).length - 1;

  it('a not-checked image whose verdict wins (not-checked-inside) says its deep fix once, in the row fix', () => {
    const judged = withDeepParts(READY, NOT_CHECKED);
    expect(judged.verdict).toBe('not-checked-inside');
    expect(judged.fix).toMatch(/^docker push x\. If the inside still cannot be read/);
    expect(deepLines(judged, plain).filter((line) => line.includes('deep fix'))).toEqual([]);
    expect(timesInTable([judged], 'docker push x')).toBe(1);
    // Its explanation is the row's: said once too.
    expect(timesInTable([judged], 'never pushed')).toBe(1);
  });

  it('a not-checked image under a worse platform verdict says its deep fix on its own line, once', () => {
    const judged = withDeepParts(INCOMPATIBLE, NOT_CHECKED);
    expect(judged.verdict).toBe('incompatible');
    expect(deepLines(judged, plain)).toEqual(['  deep check: not checked: never pushed', '  deep fix: docker push x']);
    expect(timesInTable([judged], 'docker push x')).toBe(1);
    expect(timesInTable([judged], 'never pushed')).toBe(1);
  });

  it("says 'not checked' once when the deep check's own words start with it", () => {
    const judged = withDeepParts(INCOMPATIBLE, {
      ...NOT_CHECKED,
      explanation: 'Not checked: the index lists no linux/amd64 variant',
    });
    expect(deepLines(judged, plain)[0]).toBe('  deep check: not checked: the index lists no linux/amd64 variant');
  });
});
