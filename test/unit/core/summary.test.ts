import { describe, expect, it } from 'vitest';
import { hostPlatform, summarise, type InspectResult } from '../../../src/core/index.js';
import { resultFor } from './results.js';

describe('summarise', () => {
  const corpus = ['good', 'amd64-only', 'arm64-only-attested', 'legacy-list', 'many-platforms', 'windows-entry'].map((n) => resultFor(n));

  it('counts what lacks each recommended platform and what will not install here (arm64 host)', () => {
    expect(summarise(corpus, hostPlatform('arm64'))).toBe(
      '1 of 6 extensions lacks linux/amd64; 1 of 6 extensions lacks linux/arm64; 1 will not install on this machine (linux/arm64)',
    );
  });

  it('the host changes the count', () => {
    expect(summarise(corpus, hostPlatform('x64'))).toContain('1 will not install on this machine (linux/amd64)');
    expect(summarise(corpus)).not.toContain('will not install');
  });

  it('all good', () => {
    expect(summarise([resultFor('good'), resultFor('legacy-list')], hostPlatform('x64'))).toBe('All 2 extensions are published for linux/amd64 and linux/arm64');
  });

  it('failures and local images are counted apart', () => {
    const failed: InspectResult = { reference: 'x', verdict: 'unauthorized', explanation: 'e', platforms: [], commands: [] };
    const local: InspectResult = { reference: 'local/dev-extension:latest', verdict: 'local-only', explanation: 'e', platforms: ['linux/amd64'], commands: [] };
    const text = summarise([resultFor('good'), failed, local]);
    expect(text).toBe('1 of 3 extensions lacks linux/arm64; 1 is only in the local store; 1 could not be checked');
  });

  it('nothing to summarise', () => {
    expect(summarise([])).toBe('No extension images found');
  });
});
