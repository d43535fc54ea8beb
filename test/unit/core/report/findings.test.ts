import { describe, expect, it } from 'vitest';
import {
  failingFindings,
  findingsOf,
  reportRule,
  withDeepParts,
  worstVerdict,
  type ReportFinding,
} from '@core/index.js';
import { AMD64_ONLY, READY } from '../../../support/handBuiltResults.js';
import { DEEP_WRONG } from '../../../support/reportResults.js';

describe('findingsOf', () => {
  it('a ready image has none; a platform verdict is one finding at its severity with its fix', () => {
    expect(findingsOf(READY)).toEqual([]);
    expect(findingsOf(AMD64_ONLY)).toEqual([
      expect.objectContaining({ ruleId: 'missing-platforms', level: 'warning', fix: AMD64_ONLY.fix }),
    ]);
  });

  it('lists every non-ok host binary, backend lacking a platform and note of the deep check, each with a known rule', () => {
    const findings = findingsOf(DEEP_WRONG);
    expect(findings.map((f) => [f.ruleId, f.level, f.variant, f.os])).toEqual([
      ['wrong-host-binary/wrong-cpu', 'error', 'linux/arm64', 'darwin'],
      ['wrong-host-binary/missing', 'warning', 'linux/arm64', 'windows'],
      ['backend-missing-platforms/backend-image', 'warning', undefined, undefined],
      ['deep/note', 'note', undefined, undefined],
    ]);
    for (const f of findings) expect(reportRule(f.ruleId), f.ruleId).toBeDefined();
  });

  it("keeps the platform verdict's finding when a deep verdict took the row, with the build command", () => {
    const both = { ...DEEP_WRONG, platformVerdict: 'missing-platforms' as const, platforms: ['linux/amd64'] };
    const first = findingsOf(both, { os: 'linux', architecture: 'amd64' })[0];
    expect(first).toMatchObject({ ruleId: 'missing-platforms', level: 'warning' });
    expect(first?.fix).toContain('--platform=linux/amd64,linux/arm64');
  });
});

describe('an inside not checked', () => {
  const why = 'Not checked: linux/amd64: compose file nests deeper than 64 levels; its services were not checked.';
  const row = withDeepParts(READY, {
    status: 'not-checked',
    explanation: why,
    warnings: 0,
    variants: [],
    hostBinaries: [],
    backend: [],
    notes: [],
    bytesRead: 0,
    bytesTotal: 0,
  });

  it('is one warning saying why, with the fix; the ready platform verdict adds none; its verdict has a rule', () => {
    expect(row.verdict).toBe('not-checked-inside');
    expect(findingsOf(row)).toEqual([
      { ruleId: 'deep/not-checked', level: 'warning', reference: row.reference, message: why },
    ]);
    expect(reportRule('not-checked-inside')?.rule).toMatchObject({ title: 'Inside not checked', level: 'warning' });
    expect(reportRule('deep/not-checked')?.rule.level).toBe('warning');
    expect(failingFindings(findingsOf(row), 'warning')).toHaveLength(1);
    expect(worstVerdict([READY, row])).toBe('not-checked-inside');
  });
});

describe('failingFindings and worstVerdict', () => {
  const f = (ruleId: string, level: ReportFinding['level']): ReportFinding => ({
    ruleId,
    level,
    reference: 'x',
    message: 'm',
  });
  const all = [f('missing-platforms', 'warning'), f('deep/note', 'note'), f('validate/semver-tag', 'error')];

  it('fails on findings at the threshold or above; without one, only on the validation errors', () => {
    expect(failingFindings(all, 'error').map((x) => x.ruleId)).toEqual(['validate/semver-tag']);
    expect(failingFindings(all, 'warning')).toHaveLength(2);
    expect(failingFindings(all, 'info')).toHaveLength(3);
    expect(failingFindings(all, 'never')).toEqual([]);
    expect(failingFindings(all, undefined).map((x) => x.ruleId)).toEqual(['validate/semver-tag']);
    expect(failingFindings([f('incompatible', 'error')], undefined)).toEqual([]);
  });

  it('the worst verdict is the lowest rank', () => {
    expect(worstVerdict([READY, AMD64_ONLY, DEEP_WRONG])).toBe('wrong-host-binary');
    expect(worstVerdict([])).toBeUndefined();
  });
});
