/** The sort and filter state of ui/src/features/matrix/model/view. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, isFiltered, toggleSort } from '@ui/features/matrix/model/view';

describe('sort and filter state', () => {
  it('sorts a new column ascending and flips the active one', () => {
    const byName = toggleSort(DEFAULT_VIEW, 'name');
    expect(byName).toEqual({ ...DEFAULT_VIEW, sort: 'name', direction: 'asc' });
    expect(toggleSort(byName, 'name').direction).toBe('desc');
    expect(toggleSort(toggleSort(byName, 'name'), 'name').direction).toBe('asc');
    expect(toggleSort({ ...byName, direction: 'desc' }, 'platform:linux/arm64')).toEqual({
      ...DEFAULT_VIEW,
      sort: 'platform:linux/arm64',
      direction: 'asc',
    });
  });
  it('knows when a filter hides rows', () => {
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, verdict: 'attention' })).toBe(true);
    expect(isFiltered({ ...DEFAULT_VIEW, platform: 'lacks:linux/arm64' })).toBe(true);
  });
});
