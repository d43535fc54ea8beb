import { describe, expect, it } from 'vitest';
import {
  cellText,
  csvField,
  exportFileName,
  exportRow,
  matrixColumns,
  stampLine,
  toCsv,
  toJson,
  toMarkdown,
  type ExportRow,
  type ExportStamp,
  type InspectResult,
  type ThisMachine,
} from '@core/index.js';
import { resultFor } from '../../support/recordedResults.js';
import { DEEP_REF, DEEP_WRONG } from '../../support/reportResults.js';

const MAC: ThisMachine = { platform: 'linux/arm64', os: 'darwin' };
const corpus = ['good', 'amd64-only', 'windows-entry', 'many-platforms'].map((n) => resultFor(n));
const rowsOf = (results: readonly InspectResult[], machine: ThisMachine = MAC): ExportRow[] =>
  results.map((r) => exportRow(r, `Name of ${r.reference.split('/').at(-1) ?? ''}`, machine));
const hostile: InspectResult = {
  reference: '=HYPERLINK("http://x","y")|a\nb',
  verdict: 'invalid-reference',
  explanation: '+cmd, "quoted"',
  fix: '@SUM(1)',
  platforms: [],
  commands: [],
};

const STAMP: ExportStamp = { date: '2026-12-01T15:30:00.000Z', host: 'linux/arm64', version: '0.1.0' };
const MAC_STAMP: ExportStamp = { ...STAMP, hostOs: 'darwin' };
const FILTERED: ExportStamp = { ...MAC_STAMP, filter: 'needs attention', shown: { count: 2, of: 7 } };
// What the screen shows as unknown: nobody could tell (unreachable), and beyond a local-only image's own copy.
const unreachable: InspectResult = {
  reference: '127.0.0.1:5999/x/y:1',
  verdict: 'unreachable',
  explanation: 'The registry 127.0.0.1:5999 could not be reached',
  platforms: [],
  commands: [],
};
const localOnly: InspectResult = {
  reference: 'local/dev:latest',
  verdict: 'local-only',
  explanation: 'Only in the local image store',
  platforms: ['linux/amd64'],
  commands: [],
};

describe('matrixColumns', () => {
  it('recommended first, then other linux, then other OSes', () => {
    expect(matrixColumns(corpus)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/386',
      'linux/arm/v6',
      'linux/arm/v7',
      'linux/ppc64le',
      'linux/riscv64',
      'linux/s390x',
      'windows/amd64',
    ]);
  });
  it('always has the recommended platforms', () => {
    expect(matrixColumns([])).toEqual(['linux/amd64', 'linux/arm64']);
  });
});

describe('cells as the screen shows them', () => {
  it('✓ published, ✗ a needed platform missing, — another missing, ? unknown', () => {
    const amdOnly = corpus[1] as InspectResult;
    expect(cellText(amdOnly, 'linux/amd64', 'linux/arm64')).toBe('✓');
    expect(cellText(amdOnly, 'linux/arm64', 'linux/arm64')).toBe('✗');
    expect(cellText(amdOnly, 'linux/s390x', 'linux/arm64')).toBe('—');
    expect(cellText(unreachable, 'linux/amd64', 'linux/arm64')).toBe('?');
    expect(cellText(localOnly, 'linux/arm64', 'linux/arm64')).toBe('?');
  });
  it('a wrong host binary shows in its variant’s cell, never as a plain ✓ (a warning-only one does not)', () => {
    expect(cellText(DEEP_WRONG, 'linux/amd64', undefined)).toBe('✓');
    expect(cellText(DEEP_WRONG, 'linux/arm64', undefined)).toBe('✓ wrong host binary (macOS)');
  });
});

describe('toMarkdown', () => {
  it('one row per result: image, name, this machine, verdict label and code, a cell per column; then the legend', () => {
    const md = toMarkdown(rowsOf(corpus), matrixColumns(corpus), MAC_STAMP);
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(6 + corpus.length);
    expect(lines[0]).toBe('_Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/arm64 (macOS)_');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe(
      '| Image | Extension | This machine | Verdict | linux/amd64 | linux/arm64 | linux/386 | linux/arm/v6 | linux/arm/v7 | linux/ppc64le | linux/riscv64 | linux/s390x | windows/amd64 |',
    );
    expect(lines[5]).toBe(
      "| 127.0.0.1:5000/corpus/amd64-only:1.0.0 | Name of amd64-only:1.0.0 | Won't install here | Incompatible (incompatible) | ✓ | ✗ | — | — | — | — | — | — | — |",
    );
    expect(lines.at(-1)).toBe('_✓ published · ✗ not published, needed · — not published, not needed · ? unknown_');
  });
  it('an unknown cell says ?, never ✗, as the screen does', () => {
    const lines = toMarkdown(rowsOf([unreachable, localOnly]), ['linux/amd64', 'linux/arm64'], STAMP)
      .trimEnd()
      .split('\n');
    expect(lines[4]).toBe('| 127.0.0.1:5999/x/y:1 | Name of y:1 | Unknown | Unreachable (unreachable) | ? | ? |');
    expect(lines[5]).toBe('| local/dev:latest | Name of dev:latest | Unknown | Local only (local-only) | ✓ | ? |');
  });
  it('a wrong host binary: its variant’s cell says so, and the answer is this machine’s', () => {
    const md = toMarkdown(rowsOf([DEEP_WRONG]), ['linux/amd64', 'linux/arm64'], MAC_STAMP);
    expect(md).toContain(
      `| ${DEEP_REF} | Name of darwin-x64-both:1.0.0 | Broken here | Wrong host binary (wrong-host-binary) | ✓ | ✓ wrong host binary (macOS) |`,
    );
  });
  it('says the filter in its header', () => {
    expect(toMarkdown([], ['linux/amd64'], FILTERED).split('\n')[0]).toBe(
      '_Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/arm64 (macOS); filter: needs attention (showing 2 of 7)_',
    );
  });
  it('escapes pipes and newlines so a row stays a row', () => {
    const md = toMarkdown(rowsOf([hostile]), ['linux/amd64'], STAMP);
    expect(md.trimEnd().split('\n')).toHaveLength(7);
    expect(md).toContain('\\|a b');
  });
});

describe('toCsv', () => {
  it('RFC 4180 with CRLF rows: reference, verdict code and label, name, the answer and its reason, the cells', () => {
    const csv = toCsv(rowsOf(corpus), ['linux/amd64', 'linux/arm64'], MAC_STAMP);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      'reference,verdict,linux/amd64,linux/arm64,verdict_label,name,this_machine_answer,this_machine_reason,explanation,fix,exported_at,this_machine,filter,archmatrix_version',
    );
    expect(
      rows[1]?.startsWith(
        '127.0.0.1:5000/corpus/good:1.0.0,ready,yes,yes,Ready,Name of good:1.0.0,Works here,Published for this machine (linux/arm64).,',
      ),
    ).toBe(true);
    expect(rows[2]?.startsWith('127.0.0.1:5000/corpus/amd64-only:1.0.0,incompatible,yes,no,Incompatible,')).toBe(true);
    expect(rows[2]).toContain(",Won't install here,");
    for (const row of rows.slice(1, -1))
      expect(row.endsWith(',2026-12-01T15:30:00.000Z,linux/arm64 (macOS),none,0.1.0')).toBe(true);
    expect(rows).toHaveLength(corpus.length + 2);
  });
  it('an unknown cell says unknown, never no; an unknown machine says unknown; a wrong host binary is named', () => {
    const rows = toCsv(rowsOf([unreachable, localOnly]), ['linux/amd64', 'linux/arm64'], {
      ...STAMP,
      host: undefined,
    }).split('\r\n');
    expect(rows[1]).toBe(
      '127.0.0.1:5999/x/y:1,unreachable,unknown,unknown,Unreachable,Name of y:1,Unknown,The registry 127.0.0.1:5999 could not be reached.,The registry 127.0.0.1:5999 could not be reached,,2026-12-01T15:30:00.000Z,unknown,none,0.1.0',
    );
    expect(rows[2]?.startsWith('local/dev:latest,local-only,yes,unknown,Local only,Name of dev:latest,')).toBe(true);
    const wrong = toCsv(rowsOf([DEEP_WRONG]), ['linux/amd64', 'linux/arm64'], FILTERED).split('\r\n')[1];
    expect(wrong).toContain(',yes,yes wrong host binary (macOS),');
    expect(wrong).toContain(',needs attention (showing 2 of 7),');
  });
  it('quotes and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    const csv = toCsv(rowsOf([hostile]), [], STAMP);
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")|a\nb"');
    expect(csv).toContain('"\'+cmd, ""quoted"""');
    expect(csv).toContain("'@SUM(1)");
  });
});

describe('toJson', () => {
  interface Doc {
    archmatrixVersion: string;
    exportedAt: string;
    thisMachine: string | null;
    thisMachineOs: string | null;
    filter: string | null;
    rows: {
      reference: string;
      name: string;
      verdict: string;
      label: string;
      platforms: string[];
      platformList: string;
      message: string;
      thisMachine: { answer: string; reason: string };
    }[];
  }
  it('the stamp, then reference, name, verdict, normalised platforms, message and this machine for every result', () => {
    const parsed = JSON.parse(toJson(rowsOf(corpus), MAC_STAMP)) as Doc;
    expect(parsed).toMatchObject({
      archmatrixVersion: '0.1.0',
      exportedAt: '2026-12-01T15:30:00.000Z',
      thisMachine: 'linux/arm64',
      thisMachineOs: 'darwin',
      filter: null,
    });
    expect(parsed.rows).toHaveLength(corpus.length);
    expect(parsed.rows[0]).toMatchObject({
      reference: '127.0.0.1:5000/corpus/good:1.0.0',
      name: 'Name of good:1.0.0',
      verdict: 'ready',
      label: 'Ready',
      platforms: ['linux/amd64', 'linux/arm64'],
      platformList: 'complete',
      thisMachine: { answer: 'works', reason: 'Published for this machine (linux/arm64).' },
    });
    for (const row of parsed.rows) expect(row.message.length).toBeGreaterThan(0);
    expect((JSON.parse(toJson([], FILTERED)) as Doc).filter).toBe('needs attention (showing 2 of 7)');
  });
  it('says when a platform missing from the list is unknown rather than not published', () => {
    const parsed = JSON.parse(toJson(rowsOf([unreachable, localOnly]), { ...STAMP, host: undefined })) as Doc;
    expect(parsed.thisMachine).toBeNull();
    expect(parsed.rows.map((r) => [r.verdict, r.platformList])).toEqual([
      ['unreachable', 'none'],
      ['local-only', 'local'],
    ]);
  });
  it('stampLine names the version, the date and the machine', () => {
    expect(stampLine(STAMP)).toBe('Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/arm64');
  });
});

describe('exportFileName', () => {
  it('carries the date, and the filter when there is one', () => {
    expect(exportFileName('md', STAMP)).toBe('arch-matrix-2026-12-01.md');
    expect(exportFileName('csv', { ...STAMP, filter: 'needs attention; lacks linux/arm64' })).toBe(
      'arch-matrix-2026-12-01-needs-attention-lacks-linux-arm64.csv',
    );
    expect(exportFileName('json', { ...STAMP, filter: 'verdict Wrong host binary' })).toBe(
      'arch-matrix-2026-12-01-verdict-wrong-host-binary.json',
    );
  });
});
