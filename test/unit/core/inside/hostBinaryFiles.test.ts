/**
 * The host-binary rule on what was found: listed directories, links, odd and empty files, failed or
 * unsettled reads, unusable listed paths, and judging one cell.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DIRECTORY_ENTRIES, judgeHostBinaries, judgeHostBinary } from '@core/inside/hostBinaries.js';
import type { FoundFile } from '@core/inside/types.js';
import { fileOf, head } from '../../../support/deepData.js';
import { judge, listing, variant } from '../../../support/hostBinaryJudging.js';

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

  it('looks eight directories deep into a listed directory, and no deeper', () => {
    // /d holds an ELF and a subdirectory, which holds an ELF and a subdirectory, ... nine levels.
    let nested: FoundFile | undefined;
    for (let level = 9; level >= 1; level -= 1) {
      const path = `/d${'/s'.repeat(level - 1)}`;
      const entries: FoundFile[] = [fileOf(`${path}/tool`, 'linuxX64')];
      if (nested !== undefined) entries.push(nested);
      nested = { kind: 'directory', path, entries };
    }
    if (nested === undefined) throw new Error('built above');
    const findings = judge(listing({ linux: ['/d'] }), { 'linux/amd64': { '/d': nested } });
    expect(findings.map((f) => f.path)).toEqual([
      '/d',
      ...Array.from({ length: 8 }, (_, i) => `/d${'/s'.repeat(i)}/tool`),
    ]);
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

  it('an unusable Windows path only warns in linux/arm64, as every Windows cell there does', () => {
    const findings = judge(listing({ windows: ['windows/k.exe'], darwin: ['darwin/k'] }), {
      'linux/amd64': {},
      'linux/arm64': {},
    });
    expect(findings.map((f) => [f.platform, f.os, f.state, f.warningOnly])).toEqual([
      ['linux/amd64', 'windows', 'unreadable', false],
      ['linux/amd64', 'darwin', 'unreadable', false],
      ['linux/arm64', 'windows', 'unreadable', true],
      ['linux/arm64', 'darwin', 'unreadable', false],
    ]);
    expect(findings[2]?.message).toMatch(
      /: not checked\. Docker's page ships Windows binaries only in the amd64 variant/,
    );
    expect(findings[3]?.message).toMatch(/: not checked\.$/);
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
