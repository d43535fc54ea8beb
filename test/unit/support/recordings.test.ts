import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture, loadRecording, toRecording } from '../../support/recordings.js';

describe('recording loader', () => {
  it('loads every recorded fixture with the checked shape', () => {
    const names = fixtureNames(/./);
    expect(names.length).toBeGreaterThanOrEqual(100);
    for (const name of names) {
      const f = loadFixture(name);
      expect(f.name).toBe(name);
      expect(f.argv.length).toBeGreaterThan(0);
      expect(typeof f.stdout).toBe('string');
    }
  });

  it('loads the extra recordings from their own folder', () => {
    const missing = loadRecording('buildx-missing.buildx-version');
    expect(missing.argv).toEqual(['buildx', 'version']);
    expect(missing.exitCode).not.toBe(0);
    expect(() => loadFixture('buildx-missing.buildx-version')).toThrow(/ENOENT/);
  });

  it('refuses a recording of the wrong shape', () => {
    const ok = { tool: 'docker', argv: [], exitCode: 0, stdout: '', stderr: '' };
    expect(toRecording('x', ok)).toEqual({ name: 'x', ...ok });
    expect(() => toRecording('x', [])).toThrow(/not a JSON object/);
    expect(() => toRecording('x', { ...ok, tool: 1 })).toThrow(/tool/);
    expect(() => toRecording('x', { ...ok, argv: [1] })).toThrow(/argv/);
    expect(() => toRecording('x', { ...ok, exitCode: '0' })).toThrow(/exitCode/);
    expect(() => toRecording('x', { ...ok, exitCode: 0.5 })).toThrow(/exitCode/);
    expect(() => toRecording('x', { ...ok, stdout: null })).toThrow(/stdout/);
    expect(() => toRecording('x', { ...ok, stderr: 3 })).toThrow(/stderr/);
  });

  it('refuses names that could leave the recording folders', () => {
    expect(() => loadFixture('../package')).toThrow(/bad recording name/);
    expect(() => loadRecording('../fixtures/good.imagetools-raw')).toThrow(/bad recording name/);
  });
});
