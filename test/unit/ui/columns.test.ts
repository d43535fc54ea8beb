import { describe, expect, it } from 'vitest';
import { columnLayout, isRequiredPlatform } from '@ui/features/matrix/model/columns';

const COLUMNS = ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/arm/v7', 'linux/riscv64'];

describe('required platforms and folded columns', () => {
  it('requires linux/amd64, linux/arm64 and this machine only', () => {
    expect(isRequiredPlatform('linux/amd64', undefined)).toBe(true);
    expect(isRequiredPlatform('linux/arm64', undefined)).toBe(true);
    expect(isRequiredPlatform('linux/386', undefined)).toBe(false);
    expect(isRequiredPlatform('linux/riscv64', 'linux/riscv64')).toBe(true);
    expect(isRequiredPlatform('linux/s390x', 'linux/riscv64')).toBe(false);
  });

  it('folds the optional columns away, keeping the host column and the order', () => {
    const folded = columnLayout(COLUMNS, 'linux/riscv64', false);
    expect(folded.shown).toEqual(['linux/amd64', 'linux/arm64', 'linux/riscv64']);
    expect(folded.folded).toEqual(['linux/386', 'linux/arm/v7']);
    expect(folded.optional).toEqual(['linux/386', 'linux/arm/v7']);
  });

  it('shows every column when unfolded, and still counts the optional ones', () => {
    const all = columnLayout(COLUMNS, 'linux/amd64', true);
    expect(all.shown).toEqual(COLUMNS);
    expect(all.folded).toEqual([]);
    expect(all.optional).toEqual(['linux/386', 'linux/arm/v7', 'linux/riscv64']);
  });
});
