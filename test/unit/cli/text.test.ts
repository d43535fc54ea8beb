import { describe, expect, it } from 'vitest';
import { alignRows, ansi, plain, printable, useColor } from '@cli/text.js';

describe('printable', () => {
  it('escapes C0/C1 controls, DEL and bidirectional overrides, keeps the rest', () => {
    expect(printable('a\u001b[31mb\u0007c\u009bd\u007fe\u202ef\u2066g')).toBe(
      'a\\u001b[31mb\\u0007c\\u009bd\\u007fe\\u202ef\\u2066g',
    );
    expect(printable('127.0.0.1:5000/corpus/good:1.0.0 — ok ✓')).toBe('127.0.0.1:5000/corpus/good:1.0.0 — ok ✓');
    expect(printable('line1\nline2\r')).toBe('line1\\u000aline2\\u000d');
  });
});

describe('useColor', () => {
  it('colours a terminal unless NO_COLOR (non-empty), TERM=dumb or --no-color', () => {
    expect(useColor(true, {}, false)).toBe(true);
    expect(useColor(false, {}, false)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(false);
    expect(useColor(true, { NO_COLOR: '' }, false)).toBe(true);
    expect(useColor(true, { TERM: 'dumb' }, false)).toBe(false);
    expect(useColor(true, {}, true)).toBe(false);
  });
});

describe('alignRows', () => {
  it('pads every column but the last to its widest cell', () => {
    expect(
      alignRows(
        [
          ['a', 'bb', 'c'],
          ['aaa', 'b', ''],
        ],
        plain,
      ),
    ).toEqual(['a    bb  c', 'aaa  b']);
  });
  it('paints the cell, not the padding', () => {
    expect(
      alignRows(
        [
          ['x', 'y'],
          ['xxx', 'y'],
        ],
        ansi,
        [
          ['ok', undefined],
          [undefined, undefined],
        ],
      ),
    ).toEqual(['\u001b[32mx\u001b[0m    y', 'xxx  y']);
  });
});
