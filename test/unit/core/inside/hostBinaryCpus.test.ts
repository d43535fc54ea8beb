/**
 * The host-binary rule on CPUs: the page pattern (Windows only in amd64), wrong CPUs per OS, CPU-neutral
 * files, missing binaries, and the counterpart rule.
 */
import { describe, expect, it } from 'vitest';
import { dataText, type HeadName } from '../../../support/deepData.js';
import { cells, judge, listing, metadataOf, missing } from '../../../support/hostBinaryJudging.js';

const kubectl = listing({ darwin: ['/darwin/kubectl'], windows: ['/windows/kubectl.exe'] });

describe('judgeHostBinaries: the page pattern and its mistakes', () => {
  it('the page pattern (Windows only in amd64) is ok, with Windows in linux/arm64 a warning only', () => {
    const findings = judge(kubectl, {
      'linux/amd64': { '/darwin/kubectl': 'darwinX64', '/windows/kubectl.exe': 'winX64' },
      'linux/arm64': { '/darwin/kubectl': 'darwinArm64', '/windows/kubectl.exe': missing('/windows/kubectl.exe') },
    });
    expect(cells(findings)).toEqual([
      ['linux/amd64', 'darwin', '/darwin/kubectl', 'ok', 'x86_64', false],
      ['linux/amd64', 'windows', '/windows/kubectl.exe', 'ok', 'x86_64', false],
      ['linux/arm64', 'darwin', '/darwin/kubectl', 'ok', 'arm64', false],
      ['linux/arm64', 'windows', '/windows/kubectl.exe', 'missing', undefined, true],
    ]);
    expect(findings[2]?.message).toBe('/darwin/kubectl in linux/arm64: arm64 Mach-O, right for Apple-silicon Macs.');
    expect(findings[3]?.message).toMatch(/Windows binaries only in the amd64 variant .* so this is a warning\.$/);
    expect(findings[3]?.fix).toMatch(/^Nothing is required/);
  });

  it('an x86_64 macOS binary in both variants is wrong-cpu in linux/arm64, named with path, CPU found and wanted', () => {
    const findings = judge(listing({ darwin: ['/darwin/kubectl'] }), {
      'linux/amd64': { '/darwin/kubectl': 'darwinX64' },
      'linux/arm64': { '/darwin/kubectl': 'darwinX64' },
    });
    const arm = findings[1];
    expect(arm).toMatchObject({
      platform: 'linux/arm64',
      state: 'wrong-cpu',
      found: 'x86_64',
      wanted: 'arm64',
      format: 'macho',
      warningOnly: false,
    });
    expect(arm?.message).toBe(
      "x86_64 Mach-O at /darwin/kubectl in the linux/arm64 variant: Apple-silicon Macs run it only under Rosetta 2 ('Bad CPU type in executable' without it).",
    );
    expect(arm?.fix).toMatch(
      /ARG TARGETARCH .* darwin\/\$\{TARGETARCH\} build \(not a hard-coded amd64 URL\), then COPY it to \/darwin\/kubectl/,
    );
    expect(arm?.fix).toMatch(/lipo -create/);
  });

  it('an arm64 macOS binary in linux/amd64 fails on Intel Macs', () => {
    const [amd] = judge(listing({ darwin: ['/darwin/k'] }), { 'linux/amd64': { '/darwin/k': 'darwinArm64' } });
    expect(amd?.state).toBe('wrong-cpu');
    expect(amd?.message).toMatch(/Intel Macs cannot run it \('Bad CPU type in executable'\)/);
  });

  it('a universal Mach-O is ok in both variants', () => {
    const findings = judge(listing({ darwin: ['/darwin/fsevents.node'] }), {
      'linux/amd64': { '/darwin/fsevents.node': 'universal' },
      'linux/arm64': { '/darwin/fsevents.node': 'universal' },
    });
    expect(findings.map((f) => [f.state, f.found])).toEqual([
      ['ok', 'universal(x86_64,arm64)'],
      ['ok', 'universal(x86_64,arm64)'],
    ]);
    expect(findings[1]?.message).toBe(
      '/darwin/fsevents.node in linux/arm64: universal Mach-O (x86_64, arm64), holds arm64 for Apple-silicon Macs.',
    );
  });

  it('a wrong ELF fails with exec format error; a wrong PE on x64 Windows cannot run', () => {
    const findings = judge(listing({ linux: ['/linux/tool'], windows: ['/windows/tool.exe'] }), {
      'linux/amd64': { '/linux/tool': 'linuxArm64', '/windows/tool.exe': 'winArm64' },
    });
    expect(cells(findings)).toEqual([
      ['linux/amd64', 'windows', '/windows/tool.exe', 'wrong-cpu', 'arm64', false],
      ['linux/amd64', 'linux', '/linux/tool', 'wrong-cpu', 'arm64', false],
    ]);
    expect(findings[0]?.message).toMatch(/x64 Windows cannot run it \('This app can't run on your PC'\)/);
    expect(findings[1]?.message).toMatch(/x86_64 Linux hosts fail to start it with 'exec format error'/);
  });

  it('an x64 Windows binary in linux/arm64 is wrong-cpu but only a warning (Windows on Arm emulates it)', () => {
    const [cell] = judge(listing({ windows: ['/windows/tool.exe'] }), {
      'linux/arm64': { '/windows/tool.exe': 'winX64' },
    });
    expect(cell).toMatchObject({ state: 'wrong-cpu', warningOnly: true });
    expect(cell?.message).toMatch(/Windows on Arm runs it only under x64 emulation/);
  });

  it('an ok Windows binary in linux/arm64 is no warning: only a non-ok Windows cell there only warns', () => {
    const [cell] = judge(listing({ windows: ['/windows/tool.exe'] }), {
      'linux/arm64': { '/windows/tool.exe': 'winArm64' },
    });
    expect(cell).toMatchObject({ state: 'ok', warningOnly: false });
    expect(cell?.message).toBe('/windows/tool.exe in linux/arm64: arm64 PE (Windows), right for Windows on Arm.');
  });

  it('a 32-bit x86 Windows binary in linux/amd64 is ok (WOW64)', () => {
    const [cell] = judge(listing({ windows: ['/windows/tool.exe'] }), {
      'linux/amd64': { '/windows/tool.exe': 'winIa32' },
    });
    expect(cell).toMatchObject({ state: 'ok', found: 'i386' });
    expect(cell?.message).toMatch(/WOW64/);
  });

  it('scripts, text and data are CPU-neutral: ok everywhere (tailscale ships only scripts)', () => {
    const tailscale = metadataOf(dataText('metadata/tailscale-docker-extension.json'));
    const files: Record<string, HeadName> = {
      '/darwin/hostname': 'sh',
      '/darwin/host-tailscale': 'sh',
      '/windows/hostname.cmd': 'cmd',
      '/windows/host-tailscale.cmd': 'cmd',
      '/linux/hostname.sh': 'sh',
      '/linux/host-tailscale.sh': 'sh',
    };
    const findings = judge(tailscale, { 'linux/amd64': files, 'linux/arm64': files });
    expect(findings).toHaveLength(12);
    expect(new Set(findings.map((f) => `${f.state}:${f.found}`))).toEqual(new Set(['ok:script']));
    expect(findings.some((f) => f.wanted !== undefined)).toBe(false);
    const data = judge(listing({ darwin: ['/darwin/a.pyc', '/darwin/x.properties', '/darwin/A.class'] }), {
      'linux/arm64': { '/darwin/a.pyc': 'pyc', '/darwin/x.properties': 'properties', '/darwin/A.class': 'java17' },
    });
    expect(data.map((f) => [f.state, f.found])).toEqual([
      ['ok', 'data'],
      ['ok', 'text'],
      ['ok', 'data'],
    ]);
  });

  it('a binary missing from one variant, and one deleted by a whiteout, are missing', () => {
    const findings = judge(listing({ darwin: ['/darwin/k'], linux: ['/linux/k'] }), {
      'linux/amd64': { '/darwin/k': 'darwinX64', '/linux/k': 'linuxX64' },
      'linux/arm64': { '/darwin/k': missing('/darwin/k'), '/linux/k': missing('/linux/k', true) },
    });
    expect(cells(findings).slice(2)).toEqual([
      ['linux/arm64', 'darwin', '/darwin/k', 'missing', undefined, false],
      ['linux/arm64', 'linux', '/linux/k', 'missing', undefined, false],
    ]);
    expect(findings[3]?.message).toMatch(/has no such file \(deleted by a whiteout in an upper layer\)/);
    expect(findings[2]?.fix).toMatch(/^COPY \/darwin\/k into the final stage of the linux\/arm64 variant/);
  });

  it('the real volumes-backup metadata with amd64 binaries in an arm64 variant: darwin and linux wrong, Windows a warning', () => {
    const vackup = metadataOf(dataText('metadata/volumes-backup-extension.json'));
    const findings = judge(vackup, {
      'linux/arm64': {
        '/host/darwin-amd64/volumes-share-client': 'darwinX64',
        '/host/linux-amd64/volumes-share-client': 'linuxX64',
        '/host/windows-amd64/volumes-share-client.exe': 'winX64',
      },
    });
    expect(findings.map((f) => [f.os, f.state, f.warningOnly])).toEqual([
      ['darwin', 'wrong-cpu', false],
      ['windows', 'wrong-cpu', true],
      ['linux', 'wrong-cpu', false],
    ]);
  });
});

describe('judgeHostBinaries: the counterpart rule', () => {
  const both = listing({ darwin: ['/darwin/kubectl-amd64', '/darwin/kubectl-arm64'] });

  it('a binary for another CPU is ok when the same OS list holds its counterpart for the variant CPU', () => {
    const files: Record<string, HeadName> = {
      '/darwin/kubectl-amd64': 'darwinX64',
      '/darwin/kubectl-arm64': 'darwinArm64',
    };
    const findings = judge(both, { 'linux/amd64': files, 'linux/arm64': files });
    expect(findings.map((f) => f.state)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(findings[2]?.message).toMatch(/the same list holds its arm64 counterpart \/darwin\/kubectl-arm64/);
  });

  it('no counterpart when the other file is for the wrong CPU too', () => {
    const wrongBoth = judge(both, {
      'linux/arm64': { '/darwin/kubectl-amd64': 'darwinX64', '/darwin/kubectl-arm64': 'darwinX64' },
    });
    expect(wrongBoth.map((f) => f.state)).toEqual(['wrong-cpu', 'wrong-cpu']);
  });

  it('no counterpart from another OS list, even a file of the right format and CPU (only the OS rule decides)', () => {
    // An arm64 Mach-O, right in format and CPU for darwin, but listed under linux: Docker Desktop copies it to
    // Linux hosts, never to Macs, so it is no counterpart for the darwin list.
    const findings = judge(listing({ darwin: ['/darwin/tool-amd64'], linux: ['/darwin/tool-arm64'] }), {
      'linux/arm64': { '/darwin/tool-amd64': 'darwinX64', '/darwin/tool-arm64': 'darwinArm64' },
    });
    expect(findings[0]).toMatchObject({ os: 'darwin', path: '/darwin/tool-amd64', state: 'wrong-cpu' });
  });

  it("no counterpart in the same OS list when it is another OS's format (only the format rule decides)", () => {
    // Same list, same name but for the CPU word, the variant's CPU: but an ELF, which no Mac runs.
    const findings = judge(listing({ darwin: ['/darwin/tool-amd64', '/darwin/tool-arm64'] }), {
      'linux/arm64': { '/darwin/tool-amd64': 'darwinX64', '/darwin/tool-arm64': 'linuxArm64' },
    });
    expect(findings[0]).toMatchObject({ path: '/darwin/tool-amd64', state: 'wrong-cpu' });
    expect(findings[0]?.message).not.toMatch(/counterpart/);
  });

  it('does not take a CPU word out of the middle of a name (harmony is not h + arm + ony)', () => {
    const findings = judge(listing({ darwin: ['/darwin/harmony-x64', '/darwin/hony-arm64'] }), {
      'linux/arm64': { '/darwin/harmony-x64': 'darwinX64', '/darwin/hony-arm64': 'darwinArm64' },
    });
    expect(findings[0]?.state).toBe('wrong-cpu');
  });
});
