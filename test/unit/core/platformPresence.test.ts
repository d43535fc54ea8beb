import { describe, expect, it } from 'vitest';
import { VERDICTS, platformPresence } from '@core/index.js';
import type { Verdict } from '@core/index.js';

describe('platformPresence', () => {
  const complete: readonly Verdict[] = [
    'ready',
    'missing-platforms',
    'incompatible',
    'unsupported-os',
    'wrong-host-binary',
    'backend-missing-platforms',
    'not-checked-inside',
  ];

  it('is yes for a listed platform whatever the verdict', () => {
    for (const verdict of VERDICTS)
      expect(platformPresence({ verdict, platforms: ['linux/arm64'] }, 'linux/arm64')).toBe('yes');
  });

  it('is no for an unlisted platform only when the registry gave the complete list', () => {
    for (const verdict of VERDICTS) {
      const expected = complete.includes(verdict) ? 'no' : 'unknown';
      expect(platformPresence({ verdict, platforms: ['linux/amd64'] }, 'linux/arm64'), verdict).toBe(expected);
    }
  });
});
