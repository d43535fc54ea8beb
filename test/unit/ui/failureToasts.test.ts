/** The failure toast of ui/src/features/matrix/model/failureToasts: the refresh summary (a typed image gets none: its row says it). */
import { describe, expect, it } from 'vitest';
import { transientSummary } from '@ui/features/matrix/model/failureToasts';
import { result } from '../../support/matrixRows.js';

describe('failure toasts', () => {
  const unreachable = { kind: 'unreachable', message: 'dial tcp: connection refused' } as const;
  it('sums up the failures that may go away on refresh, at most three by name', () => {
    const failed = ['a', 'b', 'c', 'd'].map((name) => result(`${name}/x:1`, 'unreachable', unreachable));
    expect(transientSummary([result('ok/x:1', 'ready'), ...failed])).toBe(
      '4 of 5 images could not be inspected (a/x:1, b/x:1, c/x:1 and 1 more). Refresh to try again.',
    );
  });
  it('says nothing for verdicts that are answers, local-store rows, or when all went well', () => {
    expect(
      transientSummary([result('a/x:1', 'not-found', { kind: 'not-found', message: 'not found' })]),
    ).toBeUndefined();
    expect(transientSummary([result('a/x:1', 'local-only', unreachable, 'local-store')])).toBeUndefined();
    expect(transientSummary([result('a/x:1', 'ready')])).toBeUndefined();
  });
});
