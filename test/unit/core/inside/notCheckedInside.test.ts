/**
 * The verdict of an image whose inside could not be checked: it replaces ready (never a ready row for an inside that
 * was not read), says why and what to do, and leaves every other platform verdict as it is.
 */
import { describe, expect, it } from 'vitest';
import {
  combineDeepVerdict,
  decideVerdict,
  deepVerdictFor,
  deepVerdictWins,
  NOT_CHECKED_PUBLISHER_FIX,
  NOT_CHECKED_RETRY,
  toJsonRow,
  VERDICT_TABLE,
  VERDICTS,
  withDeepParts,
  type DeepParts,
  type InspectResult,
  type Verdict,
} from '@core/index.js';

const WHY =
  'Not checked: linux/amd64: /metadata.json is a symbolic link (to /x), not followed, so this variant was not checked.';
const notChecked = { verdict: 'not-checked-inside', explanation: WHY } as const;
const ready = decideVerdict({
  reference: '127.0.0.1:5000/x:1',
  platforms: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ],
  source: 'registry',
});

describe('not-checked-inside', () => {
  it('replaces ready: the explanation says why, the fixes say what the user and the publisher can do', () => {
    expect(ready.verdict).toBe('ready');
    const row = combineDeepVerdict(ready, notChecked);
    expect(row).toEqual({
      verdict: 'not-checked-inside',
      explanation: WHY,
      fix: `${NOT_CHECKED_RETRY} If the inside still cannot be read, the image itself is at fault. ${NOT_CHECKED_PUBLISHER_FIX}`,
      userFix: expect.stringMatching(/^Run the deep check again: .* tell its publisher what the check says/) as string,
      publisherFix: NOT_CHECKED_PUBLISHER_FIX,
    });
    expect(NOT_CHECKED_PUBLISHER_FIX).toMatch(/metadata\.json.*compose file.*at most 1 MiB.*64 levels.*digests/);
  });

  it("the deep check's own fix (a login, a retry) comes first, as a sentence", () => {
    const login = combineDeepVerdict(ready, { ...notChecked, fix: 'Run `docker login ghcr.io`, then try again' });
    expect(login.fix).toMatch(/^Run `docker login ghcr\.io`, then try again\. If the inside still cannot be read/);
    expect(login.userFix).toMatch(/^Run `docker login ghcr\.io`, then try again\. If the inside still cannot be read/);
    expect(combineDeepVerdict(ready, { ...notChecked, fix: '  ' }).fix).toMatch(/^Run the deep check again/);
  });

  it('replaces only ready: every other platform verdict already says more', () => {
    for (const verdict of VERDICTS) {
      const platform = { verdict, explanation: 'platform words', fix: 'platform fix' };
      const expected = verdict === 'ready' ? 'not-checked-inside' : verdict;
      expect(combineDeepVerdict(platform, notChecked).verdict, verdict).toBe(expected);
      expect(deepVerdictWins(verdict, 'not-checked-inside'), verdict).toBe(verdict === 'ready');
    }
  });

  it('ranks below local-only yet never replaces it: only a complete platform list is replaced', () => {
    expect(VERDICT_TABLE['not-checked-inside'].rank).toBeLessThan(VERDICT_TABLE['local-only'].rank);
    expect(deepVerdictWins('local-only', 'not-checked-inside')).toBe(false);
    // The findings still replace what they outrank, local-only included (as before).
    expect(deepVerdictWins('local-only', 'wrong-host-binary')).toBe(true);
    expect(deepVerdictWins('ready', undefined)).toBe(false);
  });

  it('the status decides: deep parts not checked carry it, whatever verdict they were given', () => {
    expect(deepVerdictFor('not-checked', undefined)).toBe('not-checked-inside');
    expect(deepVerdictFor('not-checked', 'wrong-host-binary')).toBe('not-checked-inside');
    expect(deepVerdictFor('checked', undefined)).toBeUndefined();
    expect(deepVerdictFor('checked', 'backend-missing-platforms')).toBe('backend-missing-platforms');
  });

  it('withDeepParts: a not-checked result built without the verdict (an older backend) gets it, in the JSON row too', () => {
    const platform: InspectResult = {
      reference: 'x',
      platforms: ['linux/amd64', 'linux/arm64'],
      commands: [],
      ...ready,
    };
    const parts: DeepParts = {
      status: 'not-checked',
      explanation: WHY,
      warnings: 0,
      variants: [],
      hostBinaries: [],
      backend: [],
      notes: [],
      bytesRead: 0,
      bytesTotal: 0,
    };
    const judged = withDeepParts(platform, parts);
    expect(judged).toMatchObject({
      verdict: 'not-checked-inside',
      platformVerdict: 'ready',
      explanation: WHY,
      deep: { status: 'not-checked', verdict: 'not-checked-inside' },
    });
    expect(toJsonRow(judged, ['linux/amd64'])).toMatchObject({
      verdict: 'not-checked-inside',
      label: 'Inside not checked',
      severity: 'warning',
      platformList: 'complete',
      deep: { verdict: 'not-checked-inside', platformVerdict: 'ready' },
      requirement: { status: 'deep-not-checked', missing: [] },
    });
    // A checked result keeps its own verdict (none here): the row stays ready.
    const checked = withDeepParts(platform, { ...parts, status: 'checked' });
    expect(checked.verdict).toBe('ready');
    expect(checked.deep.verdict).toBeUndefined();
  });

  it('is in the table as a warning between unreachable and local-only, failing --require', () => {
    const rule = VERDICT_TABLE['not-checked-inside'];
    expect(rule).toEqual({
      label: 'Inside not checked',
      severity: 'warning',
      rank: 85,
      platformList: 'complete',
      toast: false,
      requirement: 'deep-not-checked',
    });
    const v: Verdict = 'not-checked-inside';
    expect(VERDICTS).toContain(v);
  });
});
