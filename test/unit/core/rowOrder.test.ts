import { describe, expect, it } from 'vitest';
import { compareRowNames, compareRows, rowName, rowOrderKey, type RowOrderKey } from '@core/index.js';

const TITLE = 'org.opencontainers.image.title';

describe('the order of the matrix (tab and CLI)', () => {
  it('worst verdict first, pending last, then by name, then by reference', () => {
    const keys: RowOrderKey[] = [
      rowOrderKey('ready', 'z/ready:1'),
      rowOrderKey('pending', 'a/pending:1'),
      rowOrderKey('missing-platforms', 'b/old:1', { [TITLE]: 'Zeta' }),
      rowOrderKey('missing-platforms', 'c/old:1', { [TITLE]: 'Alpha' }),
      rowOrderKey('incompatible', 'y/x:1'),
      rowOrderKey('unreachable', 'd/x:1'),
      rowOrderKey('ready', 'a/ready:1', { [TITLE]: 'Same' }),
      rowOrderKey('ready', 'b/ready:1', { [TITLE]: 'Same' }),
    ];
    expect([...keys].sort(compareRows).map((k) => k.reference)).toEqual([
      'y/x:1',
      'c/old:1',
      'b/old:1',
      'd/x:1',
      'a/ready:1',
      'b/ready:1',
      'z/ready:1',
      'a/pending:1',
    ]);
    expect(
      [...keys]
        .sort(compareRowNames)
        .map((k) => k.name)
        .slice(0, 3),
    ).toEqual(['a/pending:1', 'Alpha', 'd/x:1']);
  });

  it('the name is the title label when it has text, else the reference', () => {
    expect(rowName('a/b:1', { [TITLE]: '  My extension ' })).toBe('My extension');
    expect(rowName('a/b:1', { [TITLE]: '   ' })).toBe('a/b:1');
    expect(rowName('a/b:1')).toBe('a/b:1');
  });
});
