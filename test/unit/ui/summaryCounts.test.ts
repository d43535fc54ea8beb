import { describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import type { MatrixRow } from '@ui/shared/matrixRow';
import { summaryCounts } from '@ui/features/matrix/model/summaryCounts';
import { DEFAULT_VIEW, viewRows } from '@ui/features/matrix/model/view';

const row = (
  reference: string,
  verdict: InspectResult['verdict'] | 'pending',
  origin: MatrixRow['origin'] = 'installed',
): MatrixRow =>
  verdict === 'pending'
    ? { reference, origin, isSelf: false, status: 'pending' }
    : {
        reference,
        origin,
        isSelf: false,
        status: 'done',
        result: { reference, verdict, explanation: verdict, platforms: [], commands: [] },
      };

describe('summaryCounts', () => {
  it('counts installed extensions once each, ready first, typed images apart', () => {
    const rows = [
      row('a', 'ready'),
      row('a', 'ready'), // listed twice: counted once
      row('b', 'missing-platforms'),
      row('c', 'incompatible'),
      row('d', 'local-only'),
      row('e', 'pending'),
      row('t1', 'ready', 'typed'),
      row('t2', 'not-found', 'typed'),
      row('t2', 'not-found', 'typed'),
    ];
    expect(summaryCounts(rows)).toEqual({ installed: 5, ready: 1, attention: 2, pending: 1, typed: 2 });
  });

  it('the "needs attention" count is the number of installed rows its filter keeps (local only counted in neither)', () => {
    const rows = [
      row('a', 'ready'),
      row('b', 'missing-platforms'),
      row('c', 'incompatible'),
      row('d', 'local-only'),
      row('e', 'unreachable'),
      row('f', 'pending'),
    ];
    const kept = viewRows(rows, { ...DEFAULT_VIEW, verdict: 'attention' });
    expect(kept.map((r) => r.reference).sort()).toEqual(['b', 'c', 'e']);
    expect(summaryCounts(rows).attention).toBe(kept.length);
  });

  it('is all zero without rows', () => {
    expect(summaryCounts([])).toEqual({ installed: 0, ready: 0, attention: 0, pending: 0, typed: 0 });
  });
});
