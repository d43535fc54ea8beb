import { describe, expect, it } from 'vitest';
import { parseSavedTyped, parseSavedView } from '@ui/features/matrix/model/savedView';
import { DEFAULT_VIEW } from '@ui/features/matrix/model/view';

describe('the saved view and typed references (read back from localStorage)', () => {
  it('reads back a valid view exactly', () => {
    const view = {
      verdict: 'attention',
      platform: 'lacks:linux/arm64',
      sort: 'platform:linux/arm/v7',
      direction: 'desc',
      columns: 'all',
    } as const;
    expect(parseSavedView(JSON.stringify(view))).toEqual(view);
  });

  it('falls back field by field on anything not valid, and never throws', () => {
    expect(parseSavedView(null)).toEqual(DEFAULT_VIEW);
    expect(parseSavedView('{not json')).toEqual(DEFAULT_VIEW);
    expect(parseSavedView('[1,2]')).toEqual(DEFAULT_VIEW);
    const odd = {
      verdict: 'no-such-verdict',
      platform: 'has:<img src=x>',
      sort: 'platform:LINUX/AMD64',
      direction: 'up',
      columns: 'all',
    };
    expect(parseSavedView(JSON.stringify(odd))).toEqual({ ...DEFAULT_VIEW, columns: 'all' });
  });

  it('keeps valid typed references only, each once', () => {
    const saved = JSON.stringify([
      '127.0.0.1:5100/corpus/good:1.0.0',
      'not a reference!',
      42,
      '127.0.0.1:5100/corpus/good:1.0.0',
      ' docker/x:1 ',
    ]);
    expect(parseSavedTyped(saved)).toEqual(['127.0.0.1:5100/corpus/good:1.0.0', 'docker/x:1']);
    expect(parseSavedTyped('{"a":1}')).toEqual([]);
    expect(parseSavedTyped('nope')).toEqual([]);
  });
});
