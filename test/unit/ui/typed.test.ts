/** The typed-reference check of ui/src/features/matrix/model/typed. */
import { describe, expect, it } from 'vitest';
import { validateTyped } from '@ui/features/matrix/model/typed';

describe('validateTyped', () => {
  it('trims and accepts a valid reference', () => {
    expect(validateTyped('  me/ext:1.0.0\n')).toEqual({ ok: true, reference: 'me/ext:1.0.0' });
  });
  it('refuses empty input and invalid references with a reason', () => {
    expect(validateTyped(' ')).toEqual({
      ok: false,
      reason: expect.stringContaining('Type or paste an image reference'),
    });
    const bad = validateTyped('Me/Ext');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('lowercase');
  });
});
