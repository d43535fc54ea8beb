import { describe, expect, it } from 'vitest';
import { MAX_DIRECTORY_ENTRIES, judgeHostBinaries, judgeHostBinary } from '@core/inside/hostBinaries.js';
import { parseExtensionMetadata } from '@core/inside/metadata.js';
import { decideDeepOutcome } from '@core/inside/deepOutcome.js';
import {
  HOST_BINARY_STATES,
  type ExtensionMetadata,
  type FoundFile,
  type HostBinaryFinding,
  type VariantFiles,
} from '@core/inside/types.js';
import { dataText, fileOf, head, type HeadName } from './deepData.js';

function metadataOf(text: string): ExtensionMetadata {
  const result = parseExtensionMetadata(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const listing = (binaries: Record<string, string[]>): ExtensionMetadata =>
  metadataOf(
    JSON.stringify({
      host: {
        binaries: [
          Object.fromEntries(Object.entries(binaries).map(([os, paths]) => [os, paths.map((path) => ({ path }))])),
        ],
      },
    }),
  );

function variant(platform: string, entries: readonly FoundFile[]): VariantFiles {
  return {
    platform,
    digest: `sha256:${'0'.repeat(64)}`,
    files: new Map(entries.map((f) => [f.path, f])),
    bytesRead: 0,
    bytesTotal: 0,
  };
}

/** The same metadata in every variant, and each variant's files as path -> real head (or a FoundFile). */
function judge(
  metadata: ExtensionMetadata,
  variants: Record<string, Record<string, HeadName | FoundFile>>,
): HostBinaryFinding[] {
  const files = new Map<string, VariantFiles>();
  const meta = new Map<string, ExtensionMetadata>();
  for (const [platform, byPath] of Object.entries(variants)) {
    meta.set(platform, metadata);
    files.set(
      platform,
      variant(
        platform,
        Object.entries(byPath).map(([path, f]) => (typeof f === 'string' ? fileOf(path, f) : f)),
      ),
    );
  }
  return judgeHostBinaries(meta, files);
}

const cells = (findings: readonly HostBinaryFinding[]) =>
  findings.map((f) => [f.platform, f.os, f.path, f.state, f.found, f.warningOnly]);
const missing = (path: string, whitedOut = false): FoundFile => ({ kind: 'missing', path, whitedOut });

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

  it('no counterpart when the other file is for the wrong CPU too, or lives under another OS', () => {
    const wrongBoth = judge(both, {
      'linux/arm64': { '/darwin/kubectl-amd64': 'darwinX64', '/darwin/kubectl-arm64': 'darwinX64' },
    });
    expect(wrongBoth.map((f) => f.state)).toEqual(['wrong-cpu', 'wrong-cpu']);
    const otherOs = judge(listing({ darwin: ['/bin/tool-amd64'], linux: ['/bin/tool-arm64'] }), {
      'linux/arm64': { '/bin/tool-amd64': 'darwinX64', '/bin/tool-arm64': 'linuxArm64' },
    });
    expect(otherOs[0]?.state).toBe('wrong-cpu');
  });

  it('does not take a CPU word out of the middle of a name (harmony is not h + arm + ony)', () => {
    const findings = judge(listing({ darwin: ['/darwin/harmony-x64', '/darwin/hony-arm64'] }), {
      'linux/arm64': { '/darwin/harmony-x64': 'darwinX64', '/darwin/hony-arm64': 'darwinArm64' },
    });
    expect(findings[0]?.state).toBe('wrong-cpu');
  });
});

describe('judgeHostBinaries: directories, links, odd files and failed reads', () => {
  it('a listed directory is present, and each executable inside is judged', () => {
    const dir: FoundFile = {
      kind: 'directory',
      path: '/darwin/bin',
      entries: [
        fileOf('/darwin/bin/tool', 'darwinX64', 0o644),
        fileOf('/darwin/bin/run.sh', 'sh', 0o755),
        fileOf('/darwin/bin/README', 'properties', 0o644),
        { kind: 'symlink', path: '/darwin/bin/t', target: 'tool' },
        { kind: 'directory', path: '/darwin/bin/lib', entries: [fileOf('/darwin/bin/lib/x', 'darwinArm64', 0o644)] },
      ],
    };
    const findings = judge(listing({ darwin: ['/darwin/bin'] }), { 'linux/arm64': { '/darwin/bin': dir } });
    expect(findings.map((f) => [f.path, f.state, f.found, f.listedAs])).toEqual([
      ['/darwin/bin', 'ok', 'directory', undefined],
      ['/darwin/bin/tool', 'wrong-cpu', 'x86_64', '/darwin/bin'],
      ['/darwin/bin/run.sh', 'ok', 'script', '/darwin/bin'],
      ['/darwin/bin/lib/x', 'ok', 'arm64', '/darwin/bin'],
    ]);
  });

  it('looks at no more than MAX_DIRECTORY_ENTRIES entries of listed directories', () => {
    const entries = Array.from({ length: MAX_DIRECTORY_ENTRIES + 500 }, (_, i) =>
      fileOf(`/linux/bin/t${i}`, 'linuxX64'),
    );
    const findings = judge(listing({ linux: ['/linux/bin'] }), {
      'linux/amd64': { '/linux/bin': { kind: 'directory', path: '/linux/bin', entries } },
    });
    expect(findings).toHaveLength(1 + MAX_DIRECTORY_ENTRIES);
  });

  it('a symlink, a device and a failed read are unreadable, with the reason', () => {
    const findings = judge(listing({ linux: ['/linux/a', '/linux/b', '/linux/c'] }), {
      'linux/amd64': {
        '/linux/a': { kind: 'symlink', path: '/linux/a', target: '/usr/bin/a' },
        '/linux/b': { kind: 'other', path: '/linux/b', type: 'character device' },
        '/linux/c': { kind: 'unreadable', path: '/linux/c', reason: 'layer sha256:ab… is truncated' },
      },
    });
    expect(findings.map((f) => [f.state, f.found, f.warningOnly])).toEqual([
      ['unreadable', 'symlink', false],
      ['unreadable', 'character device', false],
      ['unreadable', undefined, false],
    ]);
    expect(findings[0]?.message).toMatch(/symbolic link to \/usr\/bin\/a; links are not followed/);
    expect(findings[2]?.message).toMatch(/could not be read: layer sha256:ab… is truncated/);
    expect(findings.map((f) => typeof f.fix)).toEqual(['string', 'string', 'string']);
  });

  it('an empty file and a cut executable header are unreadable, never guessed', () => {
    const empty: FoundFile = { kind: 'file', path: '/linux/e', size: 0, mode: 0o755, head: new Uint8Array(0) };
    // The first 12 bytes of the real linux-x64 ELF: the file itself is that short.
    const cut: FoundFile = {
      kind: 'file',
      path: '/linux/c',
      size: 12,
      mode: 0o755,
      head: head('linuxX64').subarray(0, 12),
    };
    const findings = judge(listing({ linux: ['/linux/e', '/linux/c'] }), {
      'linux/amd64': { '/linux/e': empty, '/linux/c': cut },
    });
    expect(findings.map((f) => [f.state, f.found])).toEqual([
      ['unreadable', 'empty'],
      ['unreadable', undefined],
    ]);
    expect(findings[1]?.message).toMatch(/ELF header cut short: 12 bytes/);
  });

  it('a path the reader did not settle, and a variant with no files read, are unreadable', () => {
    const meta = listing({ darwin: ['/darwin/k'] });
    const findings = judgeHostBinaries(
      new Map([
        ['linux/amd64', meta],
        ['linux/arm64', meta],
      ]),
      new Map([['linux/amd64', variant('linux/amd64', [])]]),
    );
    expect(findings.map((f) => f.message)).toEqual([
      '/darwin/k in linux/amd64 could not be read: the reader did not settle this path.',
      "/darwin/k in linux/arm64 could not be read: this variant's files were not read.",
    ]);
  });

  it('an executable of another OS under an OS key is wrong-cpu, found naming its OS (a .exe listed under linux)', () => {
    const [cell] = judge(listing({ linux: ['/windows/tool.exe'] }), {
      'linux/amd64': { '/windows/tool.exe': 'winX64' },
    });
    expect(cell).toMatchObject({ state: 'wrong-cpu', found: 'PE x86_64 (Windows)', format: 'pe', warningOnly: false });
    expect(cell?.message).toMatch(
      /listed under linux but the linux\/amd64 variant holds a x86_64 PE \(Windows\) executable there, a binary for Windows: Linux cannot run it on any CPU/,
    );
    expect(cell?.fix).toBe('Put the Linux build at /windows/tool.exe, or list it under "windows" in metadata.json.');
  });

  it('unusable listed paths become unreadable findings with a fix', () => {
    const findings = judge(listing({ darwin: ['darwin/k', '/a/../b'] }), { 'linux/amd64': {} });
    expect(findings.map((f) => [f.path, f.state])).toEqual([
      ['darwin/k', 'unreadable'],
      ['/a/../b', 'unreadable'],
    ]);
    expect(findings[0]?.message).toMatch(/lists "darwin\/k" under darwin, which "darwin\/k" is relative/);
    expect(findings[0]?.fix).toMatch(/absolute path/);
  });
});

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

describe('judgeHostBinary (one cell)', () => {
  it('uses the info it is given instead of reading the head again', () => {
    const cell = judgeHostBinary({
      os: 'darwin',
      platform: 'linux/arm64',
      path: '/darwin/k',
      found: fileOf('/darwin/k', 'darwinX64'),
      info: { format: 'macho', cpus: ['arm64'] },
    });
    expect(cell.state).toBe('ok');
  });
});
