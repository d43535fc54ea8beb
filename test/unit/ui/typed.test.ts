/** The typed-reference check of ui/src/features/matrix/model/typed. */
import { describe, expect, it } from 'vitest';
import { installedRowOf, validateTyped } from '@ui/features/matrix/model/typed';
import { row } from '../../support/matrixRows.js';

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

describe('installedRowOf', () => {
  const rows = [row('docker/desktop-extension:1.0.0'), row('127.0.0.1:5000/corpus/good:1.0.0'), row('busybox')];
  it('finds the installed row of the same image, however it is spelled', () => {
    expect(installedRowOf('docker.io/docker/desktop-extension:1.0.0', rows)?.reference).toBe(
      'docker/desktop-extension:1.0.0',
    );
    expect(installedRowOf('127.0.0.1:5000/corpus/good:1.0.0', rows)?.reference).toBe(
      '127.0.0.1:5000/corpus/good:1.0.0',
    );
    expect(installedRowOf('docker.io/library/busybox:latest', rows)?.reference).toBe('busybox');
  });
  it('finds nothing for another tag, another image, or a typed row of the same image', () => {
    expect(installedRowOf('docker/desktop-extension:2.0.0', rows)).toBeUndefined();
    expect(installedRowOf('127.0.0.1:5000/corpus/bad:1.0.0', rows)).toBeUndefined();
    expect(installedRowOf('me/ext:1', [{ ...row('me/ext:1'), origin: 'typed' }])).toBeUndefined();
  });
});
