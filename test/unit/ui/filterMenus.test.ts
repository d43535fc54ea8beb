/** The toolbar's filter drop-downs offer every verdict and, per column, "published for" and "not published for". */
import { describe, expect, it } from 'vitest';
import { VERDICTS, verdictLabel } from '@core/index.js';
import { VERDICT_MENU, platformMenu } from '@ui/features/matrix/model/filterMenus';

describe('the filter menus', () => {
  it('offers all verdicts, those needing attention, then each verdict by its label', () => {
    expect(VERDICT_MENU.entries).toEqual([
      { kind: 'option', value: 'all', label: 'All verdicts' },
      { kind: 'option', value: 'attention', label: 'Needs attention' },
      ...VERDICTS.map((verdict) => ({ kind: 'option', value: verdict, label: verdictLabel(verdict) })),
    ]);
  });

  it('offers any platform, then each column published for, then each column not published for', () => {
    expect(platformMenu(['linux/amd64', 'linux/arm64']).entries).toEqual([
      { kind: 'option', value: 'any', label: 'Any platform' },
      { kind: 'heading', label: 'Published for' },
      { kind: 'option', value: 'has:linux/amd64', label: 'linux/amd64' },
      { kind: 'option', value: 'has:linux/arm64', label: 'linux/arm64' },
      { kind: 'heading', label: 'Not published for' },
      { kind: 'option', value: 'lacks:linux/amd64', label: 'lacks linux/amd64' },
      { kind: 'option', value: 'lacks:linux/arm64', label: 'lacks linux/arm64' },
    ]);
  });
});
