/** The --require gate with --deep: a deep check that could not judge every variant never passes it. */
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REQUIREMENT_FAILED, exitCodeFor } from '@cli/exitCode.js';
import { checkRequirement, type DeepStatus, type Verdict } from '@core/index.js';

const BOTH = ['linux/amd64', 'linux/arm64'];
const row = (verdict: Verdict, platforms: string[], status?: DeepStatus) => ({
  verdict,
  platforms,
  ...(status !== undefined ? { deep: { status } } : {}),
});

describe('checkRequirement with the deep check', () => {
  it('fails as deep-not-checked when every required platform is published but the inside was not checked', () => {
    expect(checkRequirement(row('ready', BOTH, 'not-checked'), BOTH)).toEqual({
      status: 'deep-not-checked',
      missing: [],
    });
    expect(exitCodeFor([row('ready', BOTH, 'checked'), row('ready', BOTH, 'not-checked')], BOTH)).toBe(
      EXIT_REQUIREMENT_FAILED,
    );
    // Without --require the table is a report: exit 0 whatever the deep status.
    expect(exitCodeFor([row('ready', BOTH, 'not-checked')], [])).toBe(EXIT_OK);
  });

  it('is met once the inside was checked, as without --deep', () => {
    expect(checkRequirement(row('ready', BOTH, 'checked'), BOTH)).toEqual({ status: 'met', missing: [] });
    expect(checkRequirement(row('ready', BOTH), BOTH)).toEqual({ status: 'met', missing: [] });
    expect(exitCodeFor([row('ready', BOTH, 'checked')], BOTH)).toBe(EXIT_OK);
  });

  it('says the stronger reason first: a platform not published, a deep finding, nothing inspected', () => {
    expect(checkRequirement(row('missing-platforms', ['linux/amd64'], 'not-checked'), BOTH)).toEqual({
      status: 'missing-platforms',
      missing: ['linux/arm64'],
    });
    expect(checkRequirement(row('wrong-host-binary', BOTH, 'checked'), BOTH)).toEqual({
      status: 'deep-finding',
      missing: [],
    });
    expect(checkRequirement(row('unreachable', [], 'not-checked'), BOTH)).toEqual({
      status: 'not-inspected',
      missing: BOTH,
    });
  });
});
