import { describe, expect, it } from 'vitest';
import { VERDICT_TABLE, VERDICTS, platformPresence, summariseMatrix, verdictRank, worthNotice } from '@core/index.js';
import type { FailureKind, InspectResult, Severity, Verdict } from '@core/index.js';
import { checkRequirement } from '@core/index.js';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'ok'];

describe('the verdict table', () => {
  it('has one complete entry per verdict', () => {
    expect(VERDICTS.length).toBe(13);
    expect(Object.keys(VERDICT_TABLE).sort()).toEqual([...VERDICTS].sort());
    for (const verdict of VERDICTS) {
      const rule = VERDICT_TABLE[verdict];
      expect(rule.label.trim().length, verdict).toBeGreaterThan(0);
      expect(SEVERITY_ORDER, verdict).toContain(rule.severity);
      expect(Number.isInteger(rule.rank), verdict).toBe(true);
      expect(['complete', 'local', 'none'], verdict).toContain(rule.platformList);
      expect(typeof rule.toast, verdict).toBe('boolean');
    }
  });

  it('gives every verdict its own label and rank', () => {
    expect(new Set(VERDICTS.map((v) => VERDICT_TABLE[v].label)).size).toBe(VERDICTS.length);
    expect(new Set(VERDICTS.map(verdictRank)).size).toBe(VERDICTS.length);
  });

  it('ranks the worst first: every error before every warning, before info, before ok', () => {
    const byRank = [...VERDICTS].sort((a, b) => verdictRank(a) - verdictRank(b));
    const severities = byRank.map((v) => SEVERITY_ORDER.indexOf(VERDICT_TABLE[v].severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it('keeps the matrix order the tab has always used', () => {
    const byRank = [...VERDICTS].sort((a, b) => verdictRank(a) - verdictRank(b));
    expect(byRank).toEqual([
      'incompatible',
      'wrong-host-binary',
      'unsupported-os',
      'not-found',
      'invalid-reference',
      'error',
      'missing-platforms',
      'backend-missing-platforms',
      'unauthorized',
      'unreachable',
      'not-checked-inside',
      'local-only',
      'ready',
    ]);
  });

  it('ranks the deep check verdicts right after incompatible and right after missing-platforms', () => {
    const byRank = [...VERDICTS].sort((a, b) => verdictRank(a) - verdictRank(b));
    expect(byRank[byRank.indexOf('incompatible') + 1]).toBe('wrong-host-binary');
    expect(byRank[byRank.indexOf('missing-platforms') + 1]).toBe('backend-missing-platforms');
  });

  it('ties the exit-code meaning to the platform list: only a complete list can meet --require', () => {
    const expected = { complete: 'check-platforms', local: 'not-published', none: 'not-inspected' } as const;
    for (const verdict of VERDICTS) {
      const rule = VERDICT_TABLE[verdict];
      // A deep finding, or an inside not checked, has a complete platform list and still fails the gate.
      if (rule.requirement === 'deep-finding' || rule.requirement === 'deep-not-checked')
        expect(rule.platformList, verdict).toBe('complete');
      else expect(rule.requirement, verdict).toBe(expected[rule.platformList]);
    }
    expect(VERDICTS.filter((v) => VERDICT_TABLE[v].requirement === 'deep-finding').sort()).toEqual([
      'backend-missing-platforms',
      'wrong-host-binary',
    ]);
    expect(VERDICTS.filter((v) => VERDICT_TABLE[v].requirement === 'deep-not-checked')).toEqual(['not-checked-inside']);
  });

  it('only a failure is worth a notice: a verdict with a platform list is an answer', () => {
    for (const verdict of VERDICTS) {
      if (VERDICT_TABLE[verdict].toast) expect(VERDICT_TABLE[verdict].platformList, verdict).toBe('none');
    }
    expect(VERDICTS.filter((v) => VERDICT_TABLE[v].toast).sort()).toEqual(['error', 'unreachable']);
  });
});

describe('readers of the table agree with it', () => {
  const BOTH = ['linux/amd64', 'linux/arm64'];
  const row = (verdict: Verdict, platforms: string[]): InspectResult => ({
    reference: 'x',
    verdict,
    explanation: 'e',
    platforms,
    commands: [],
  });

  it.each([...VERDICTS])('%s: the matrix cell, the summary and the --require gate read the same rule', (verdict) => {
    const rule = VERDICT_TABLE[verdict];
    expect(platformPresence(row(verdict, ['linux/amd64']), 'linux/arm64')).toBe(
      rule.platformList === 'complete' ? 'no' : 'unknown',
    );
    const status = checkRequirement(row(verdict, BOTH), BOTH).status;
    expect(status).toBe(rule.requirement === 'check-platforms' ? 'met' : rule.requirement);
    const summary = summariseMatrix([{ reference: 'x', origin: 'installed', result: row(verdict, ['linux/amd64']) }]);
    expect(summary.installed.counts).toEqual([{ verdict, count: 1, text: expect.stringMatching(/^1 \S/) }]);
    expect(summary.text).toBe(
      verdict === 'ready' ? '1 of 1 ready' : `0 of 1 ready; ${summary.installed.counts[0]?.text}`,
    );
  });
});

describe('worthNotice', () => {
  const failed = (verdict: Verdict, kind: FailureKind, source?: 'registry' | 'local-store') => ({
    verdict,
    failure: { kind, message: 'm' },
    source,
  });

  it('is true for a failure a retry may fix', () => {
    expect(worthNotice(failed('unreachable', 'unreachable'))).toBe(true);
    expect(worthNotice(failed('unreachable', 'timeout'))).toBe(true);
    expect(worthNotice(failed('error', 'rate-limited'))).toBe(true);
    expect(worthNotice(failed('error', 'error'))).toBe(true);
  });

  it('is false for an answer, a cancel, missing buildx, a local-store result or no failure', () => {
    expect(worthNotice(failed('not-found', 'not-found'))).toBe(false);
    expect(worthNotice(failed('unauthorized', 'unauthorized'))).toBe(false);
    expect(worthNotice(failed('error', 'cancelled'))).toBe(false);
    expect(worthNotice(failed('error', 'tool-missing'))).toBe(false);
    expect(worthNotice(failed('local-only', 'unreachable', 'local-store'))).toBe(false);
    expect(worthNotice({ verdict: 'ready' })).toBe(false);
    expect(worthNotice({ verdict: 'error' })).toBe(false);
  });
});
