import { describe, expect, it } from 'vitest';
import {
  csvField,
  matrixColumns,
  stampLine,
  toCsv,
  toJson,
  toMarkdown,
  type ExportStamp,
  type InspectResult,
} from '@core/index.js';
import { resultFor } from '../../support/recordedResults.js';

const corpus = ['good', 'amd64-only', 'windows-entry', 'many-platforms'].map((n) => resultFor(n));
const hostile: InspectResult = {
  reference: '=HYPERLINK("http://x","y")|a\nb',
  verdict: 'invalid-reference',
  explanation: '+cmd, "quoted"',
  fix: '@SUM(1)',
  platforms: [],
  commands: [],
};

const STAMP: ExportStamp = { date: '2026-12-01T15:30:00.000Z', host: 'linux/arm64', version: '0.1.0' };
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

describe('toMarkdown', () => {
  it('one row per result, a cell per column', () => {
    const md = toMarkdown(corpus, matrixColumns(corpus), STAMP);
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(4 + corpus.length);
    expect(lines[0]).toBe('_Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/arm64_');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe(
      '| Extension | Verdict | linux/amd64 | linux/arm64 | linux/386 | linux/arm/v6 | linux/arm/v7 | linux/ppc64le | linux/riscv64 | linux/s390x | windows/amd64 |',
    );
    expect(lines[5]).toBe(
      '| 127.0.0.1:5000/corpus/amd64-only:1.0.0 | incompatible | ✓ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ |',
    );
  });
  it('an unknown cell says unknown, never no, as the screen does', () => {
    const lines = toMarkdown([unreachable, localOnly], ['linux/amd64', 'linux/arm64'], STAMP).trimEnd().split('\n');
    expect(lines[4]).toBe('| 127.0.0.1:5999/x/y:1 | unreachable | unknown | unknown |');
    expect(lines[5]).toBe('| local/dev:latest | local-only | ✓ | unknown |');
  });
  it('escapes pipes and newlines so a row stays a row', () => {
    const md = toMarkdown([hostile], ['linux/amd64'], STAMP);
    expect(md.trimEnd().split('\n')).toHaveLength(5);
    expect(md).toContain('\\|a b');
  });
});

describe('toCsv', () => {
  it('RFC 4180 with CRLF rows', () => {
    const csv = toCsv(corpus, ['linux/amd64', 'linux/arm64'], STAMP);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      'reference,verdict,linux/amd64,linux/arm64,explanation,fix,exported_at,this_machine,archmatrix_version',
    );
    expect(rows[1]?.startsWith('127.0.0.1:5000/corpus/good:1.0.0,ready,yes,yes,')).toBe(true);
    expect(rows[2]?.startsWith('127.0.0.1:5000/corpus/amd64-only:1.0.0,incompatible,yes,no,')).toBe(true);
    for (const row of rows.slice(1, -1)) expect(row.endsWith(',2026-12-01T15:30:00.000Z,linux/arm64,0.1.0')).toBe(true);
    expect(rows).toHaveLength(corpus.length + 2);
  });
  it('an unknown cell says unknown, never no; an unknown machine says unknown', () => {
    const rows = toCsv([unreachable, localOnly], ['linux/amd64', 'linux/arm64'], { ...STAMP, host: undefined }).split(
      '\r\n',
    );
    expect(rows[1]).toBe(
      '127.0.0.1:5999/x/y:1,unreachable,unknown,unknown,The registry 127.0.0.1:5999 could not be reached,,2026-12-01T15:30:00.000Z,unknown,0.1.0',
    );
    expect(rows[2]?.startsWith('local/dev:latest,local-only,yes,unknown,')).toBe(true);
  });
  it('quotes and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    const csv = toCsv([hostile], [], STAMP);
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
    rows: { reference: string; verdict: string; platforms: string[]; platformList: string; message: string }[];
  }
  it('the stamp, then reference, verdict, normalised platforms and message for every result', () => {
    const parsed = JSON.parse(toJson(corpus, STAMP)) as Doc;
    expect(parsed).toMatchObject({
      archmatrixVersion: '0.1.0',
      exportedAt: '2026-12-01T15:30:00.000Z',
      thisMachine: 'linux/arm64',
    });
    expect(parsed.rows).toHaveLength(corpus.length);
    expect(parsed.rows[0]).toMatchObject({
      reference: '127.0.0.1:5000/corpus/good:1.0.0',
      verdict: 'ready',
      platforms: ['linux/amd64', 'linux/arm64'],
      platformList: 'complete',
    });
    for (const row of parsed.rows) expect(row.message.length).toBeGreaterThan(0);
  });
  it('says when a platform missing from the list is unknown rather than not published', () => {
    const parsed = JSON.parse(toJson([unreachable, localOnly], { ...STAMP, host: undefined })) as Doc;
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
