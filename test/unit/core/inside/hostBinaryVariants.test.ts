/** The host-binary rule in variants other than linux/amd64 and linux/arm64: arm/v7, 386, s390x and normalised keys. */
import { describe, expect, it } from 'vitest';
import { decideDeepOutcome } from '@core/inside/deepOutcome.js';
import { HOST_BINARY_STATES } from '@core/inside/types.js';
import { judge, listing, missing } from '../../../support/hostBinaryJudging.js';

describe('judgeHostBinaries: variants other than linux/amd64 and linux/arm64', () => {
  it('linux/arm/v7 expects arm, and a mismatch there counts like in any variant (only Windows in linux/arm64 warns)', () => {
    const findings = judge(listing({ linux: ['/linux/t'] }), {
      'linux/arm/v7': { '/linux/t': 'linuxX64' },
      'linux/386': { '/linux/t': 'linuxIa32' },
    });
    expect(findings.map((f) => [f.platform, f.state, f.wanted, f.warningOnly])).toEqual([
      ['linux/arm/v7', 'wrong-cpu', 'arm', false],
      ['linux/386', 'ok', 'i386', false],
    ]);
    expect(decideDeepOutcome(findings, []).verdict).toBe('wrong-host-binary');
  });

  it('a binary missing from linux/arm/v7 counts, while Windows missing from linux/arm64 only warns', () => {
    const meta = listing({ darwin: ['/darwin/k'], windows: ['/windows/k.exe'] });
    const findings = judge(meta, {
      'linux/arm64': { '/darwin/k': 'darwinArm64', '/windows/k.exe': missing('/windows/k.exe') },
      'linux/arm/v7': { '/darwin/k': missing('/darwin/k'), '/windows/k.exe': 'winIa32' },
    });
    expect(findings.filter((f) => f.state !== 'ok').map((f) => [f.platform, f.os, f.state, f.warningOnly])).toEqual([
      ['linux/arm64', 'windows', 'missing', true],
      ['linux/arm/v7', 'darwin', 'missing', false],
      ['linux/arm/v7', 'windows', 'wrong-cpu', false],
    ]);
    expect(decideDeepOutcome(findings, [])).toMatchObject({ verdict: 'wrong-host-binary', warnings: 1 });
  });

  it("every state is one of the contract's four", () => {
    const findings = judge(listing({ darwin: ['/darwin/k'], linux: ['/linux/t'], windows: ['/w.exe'] }), {
      'linux/amd64': {
        '/darwin/k': 'linuxX64',
        '/linux/t': missing('/linux/t'),
        '/w.exe': { kind: 'unreadable', path: '/w.exe', reason: 'cut' },
      },
      'linux/arm64': { '/darwin/k': 'darwinArm64', '/linux/t': 'winArm64' },
    });
    expect(new Set(findings.map((f) => f.state))).toEqual(new Set(HOST_BINARY_STATES));
  });

  it('linux/s390x has no CPU expectation: only the format is judged', () => {
    const findings = judge(listing({ linux: ['/linux/t'], darwin: ['/darwin/t'] }), {
      'linux/s390x': { '/linux/t': 'linuxS390x', '/darwin/t': 'linuxS390x' },
    });
    expect(findings.map((f) => [f.os, f.state, f.found])).toEqual([
      ['darwin', 'wrong-cpu', 'ELF other(0x16) (Linux)'],
      ['linux', 'ok', 'other(0x16)'],
    ]);
  });

  it('normalises variant keys (linux/arm64/v8 is linux/arm64)', () => {
    const [cell] = judge(listing({ darwin: ['/darwin/k'] }), { 'linux/arm64/v8': { '/darwin/k': 'darwinArm64' } });
    expect(cell).toMatchObject({ platform: 'linux/arm64', state: 'ok' });
  });
});
