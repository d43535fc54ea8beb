import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REQUIREMENT_FAILED, exitCodeFor } from '@cli/exitCode.js';
import { checkRequirement, type RequirementStatus } from '@core/index.js';
import { VERDICTS } from '@core/index.js';
import type { Verdict } from '@core/index.js';

const BOTH = ['linux/amd64', 'linux/arm64'];
const row = (verdict: Verdict, platforms: string[]) => ({ verdict, platforms });

describe('checkRequirement', () => {
  it('is met when every required platform is published', () => {
    expect(checkRequirement(row('ready', BOTH), BOTH)).toEqual({ status: 'met', missing: [] });
    expect(checkRequirement(row('ready', ['linux/amd64', 'linux/arm64', 'windows/amd64']), ['linux/amd64'])).toEqual({
      status: 'met',
      missing: [],
    });
  });

  it('names the missing platforms', () => {
    expect(checkRequirement(row('missing-platforms', ['linux/amd64']), BOTH)).toEqual({
      status: 'missing-platforms',
      missing: ['linux/arm64'],
    });
    expect(checkRequirement(row('incompatible', ['linux/arm64']), BOTH)).toEqual({
      status: 'missing-platforms',
      missing: ['linux/amd64'],
    });
    expect(checkRequirement(row('unsupported-os', ['windows/amd64']), BOTH).missing).toEqual(BOTH);
  });

  it('an image that is only in the local store fails, even when its local platform is the required one', () => {
    expect(checkRequirement(row('local-only', ['linux/amd64']), ['linux/amd64'])).toEqual({
      status: 'not-published',
      missing: ['linux/amd64'],
    });
  });

  it.each(['unauthorized', 'not-found', 'unreachable', 'invalid-reference', 'error'] as const)(
    '%s fails: nothing is known',
    (verdict) => {
      expect(checkRequirement(row(verdict, []), BOTH)).toEqual({ status: 'not-inspected', missing: BOTH });
    },
  );

  it.each(['wrong-host-binary', 'backend-missing-platforms'] as const)(
    '%s (--deep) fails even with every required platform published',
    (verdict) => {
      expect(checkRequirement(row(verdict, BOTH), BOTH)).toEqual({ status: 'deep-finding', missing: [] });
      expect(checkRequirement(row(verdict, ['linux/amd64']), BOTH)).toEqual({
        status: 'deep-finding',
        missing: ['linux/arm64'],
      });
      expect(exitCodeFor([row('ready', BOTH), row(verdict, BOTH)], BOTH)).toBe(EXIT_REQUIREMENT_FAILED);
      expect(exitCodeFor([row(verdict, BOTH)], [])).toBe(EXIT_OK);
    },
  );

  it('not-checked-inside (--deep) fails with every required platform published, with or without its deep parts', () => {
    expect(checkRequirement(row('not-checked-inside', BOTH), BOTH)).toEqual({
      status: 'deep-not-checked',
      missing: [],
    });
    expect(exitCodeFor([row('not-checked-inside', BOTH)], BOTH)).toBe(EXIT_REQUIREMENT_FAILED);
    expect(exitCodeFor([row('ready', BOTH), row('not-checked-inside', BOTH)], BOTH)).toBe(EXIT_REQUIREMENT_FAILED);
    // A required platform it does not publish is said first, as for a platform verdict.
    expect(checkRequirement(row('not-checked-inside', BOTH), [...BOTH, 'linux/s390x'])).toEqual({
      status: 'missing-platforms',
      missing: ['linux/s390x'],
    });
    expect(exitCodeFor([row('not-checked-inside', BOTH)], [])).toBe(EXIT_OK);
  });

  // One entry per verdict (the compiler refuses a missing one): what --require makes of each when the
  // listed platforms are exactly the required ones.
  const STATUS_WITH_BOTH: Record<Verdict, RequirementStatus> = {
    ready: 'met',
    'missing-platforms': 'met',
    incompatible: 'met',
    'unsupported-os': 'met',
    'local-only': 'not-published',
    unauthorized: 'not-inspected',
    'not-found': 'not-inspected',
    unreachable: 'not-inspected',
    'invalid-reference': 'not-inspected',
    error: 'not-inspected',
    'wrong-host-binary': 'deep-finding',
    'backend-missing-platforms': 'deep-finding',
    'not-checked-inside': 'deep-not-checked',
  };

  it.each([...VERDICTS])('covers every verdict: %s with both platforms listed', (verdict) => {
    const expected = STATUS_WITH_BOTH[verdict];
    const missing = expected === 'met' || expected === 'deep-finding' || expected === 'deep-not-checked' ? [] : BOTH;
    expect(checkRequirement(row(verdict, BOTH), BOTH)).toEqual({ status: expected, missing });
  });
});

describe('exitCodeFor', () => {
  it('without --require the report always exits 0', () => {
    expect(exitCodeFor([row('error', []), row('missing-platforms', ['linux/amd64'])], [])).toBe(EXIT_OK);
  });
  it('with --require: 0 only when every image meets it', () => {
    expect(exitCodeFor([row('ready', BOTH), row('ready', BOTH)], BOTH)).toBe(EXIT_OK);
    expect(exitCodeFor([row('ready', BOTH), row('missing-platforms', ['linux/amd64'])], BOTH)).toBe(
      EXIT_REQUIREMENT_FAILED,
    );
    expect(exitCodeFor([row('ready', BOTH), row('unreachable', [])], BOTH)).toBe(EXIT_REQUIREMENT_FAILED);
    expect(exitCodeFor([row('missing-platforms', ['linux/amd64'])], ['linux/amd64'])).toBe(EXIT_OK);
  });
  it('no images meet any requirement vacuously', () => {
    expect(exitCodeFor([], BOTH)).toBe(EXIT_OK);
  });
});
