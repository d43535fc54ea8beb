import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture, toFixture } from '../fixtures.js';

describe('fixture loader', () => {
  it('loads every recorded fixture with the checked shape', () => {
    const names = fixtureNames(/./);
    expect(names.length).toBeGreaterThanOrEqual(100);
    for (const name of names) {
      const f = loadFixture(name);
      expect(f.argv.length).toBeGreaterThan(0);
      expect(typeof f.stdout).toBe('string');
    }
  });

  it('refuses a fixture of the wrong shape', () => {
    expect(() => toFixture('x', [])).toThrow(/not a JSON object/);
    expect(() => toFixture('x', { argv: [1], exitCode: 0, stdout: '', stderr: '' })).toThrow(/argv/);
    expect(() => toFixture('x', { argv: [], exitCode: '0', stdout: '', stderr: '' })).toThrow(/exitCode/);
    expect(() => toFixture('x', { argv: [], exitCode: 0, stdout: null, stderr: '' })).toThrow(/stdout/);
    expect(() => toFixture('x', { argv: [], exitCode: 0, stdout: '', stderr: 3 })).toThrow(/stderr/);
  });

  it('refuses names that could leave the fixture directory', () => {
    expect(() => loadFixture('../package')).toThrow(/bad fixture name/);
  });
});
