/** What a clean deep check says it is about: every variant, this machine's local copy, or the variants read. */
import { describe, expect, it } from 'vitest';
import { decideDeepOutcome, nothingWrongExplanation } from '@core/inside/deepOutcome.js';
import { nothingWrongSentence, readOnlyThisMachine, readScopeText, type ReadScope } from '@core/inside/readScope.js';
import type { HostBinaryFinding } from '@core/inside/types.js';

const ok: HostBinaryFinding = {
  os: 'darwin',
  platform: 'linux/amd64',
  path: '/darwin/k',
  state: 'ok',
  message: 'm.',
  warningOnly: false,
};
const LOCAL_ONE: ReadScope = { read: [{ platform: 'linux/amd64', source: 'local' }], notRead: ['linux/arm64'] };
const REGISTRY_ALL: ReadScope = {
  read: [{ platform: 'linux/amd64' }, { platform: 'linux/arm64', source: 'registry' }],
  notRead: [],
};

describe('the read scope', () => {
  it("a local read of this machine's variant is about this machine", () => {
    expect(readOnlyThisMachine(LOCAL_ONE)).toBe(true);
    expect(readScopeText(LOCAL_ONE)).toBe('this machine (linux/amd64)');
    expect(nothingWrongSentence(LOCAL_ONE)).toBe(
      'Host binaries and backend images are right for this machine (linux/amd64).',
    );
    // Also when the image has no other variant: only the local copy was read.
    expect(nothingWrongSentence({ ...LOCAL_ONE, notRead: [] })).toBe(
      'Host binaries and backend images are right for this machine (linux/amd64).',
    );
  });

  it('a full registry read matches every variant, as before; no scope means the same', () => {
    expect(readOnlyThisMachine(REGISTRY_ALL)).toBe(false);
    expect(readScopeText(REGISTRY_ALL)).toBe('linux/amd64 and linux/arm64');
    expect(nothingWrongSentence(REGISTRY_ALL)).toBe('Host binaries and backend images match every variant.');
    expect(nothingWrongSentence(undefined)).toBe('Host binaries and backend images match every variant.');
  });

  it('a registry read of some variants names them; local and registry together with none left is every variant', () => {
    expect(
      nothingWrongSentence({ read: [{ platform: 'linux/arm64', source: 'registry' }], notRead: ['linux/amd64'] }),
    ).toBe('Host binaries and backend images are right for linux/arm64.');
    expect(
      nothingWrongSentence({
        read: [
          { platform: 'linux/amd64', source: 'local' },
          { platform: 'linux/arm64', source: 'registry' },
        ],
        notRead: [],
      }),
    ).toBe('Host binaries and backend images match every variant.');
  });

  it('decideDeepOutcome words its clean explanation from the scope, warnings and unchecked backends kept', () => {
    expect(decideDeepOutcome([ok], [], LOCAL_ONE).explanation).toBe(
      'Host binaries and backend images are right for this machine (linux/amd64).',
    );
    expect(decideDeepOutcome([ok], [], REGISTRY_ALL).explanation).toBe(
      'Host binaries and backend images match every variant.',
    );
    expect(
      nothingWrongExplanation(LOCAL_ONE, {
        hostBinaries: 1,
        warnings: 1,
        backends: [{ reference: 'b:1', self: false, verdict: 'unauthorized' }],
      }),
    ).toBe(
      'Host binaries and backend images are right for this machine (linux/amd64). Also: 1 warning that does not change the verdict; backend b:1 (unauthorized) not checked.',
    );
    expect(nothingWrongExplanation(LOCAL_ONE, { hostBinaries: 0, warnings: 0, backends: [] })).toBe(
      'No host binaries or backend images to check.',
    );
  });
});
