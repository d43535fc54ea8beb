import { describe, expect, it } from 'vitest';
import { csvField, matrixColumns, toCsv, toJson, toMarkdown, type InspectResult } from '../../../src/core/index.js';
import { resultFor } from './results.js';

const corpus = ['good', 'amd64-only', 'windows-entry', 'many-platforms'].map((n) => resultFor(n));
const hostile: InspectResult = {
  reference: '=HYPERLINK("http://x","y")|a\nb',
  verdict: 'invalid-reference',
  explanation: '+cmd, "quoted"',
  fix: '@SUM(1)',
  platforms: [],
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
    const md = toMarkdown(corpus, matrixColumns(corpus));
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + corpus.length);
    expect(lines[0]).toBe('| Extension | Verdict | linux/amd64 | linux/arm64 | linux/386 | linux/arm/v6 | linux/arm/v7 | linux/ppc64le | linux/riscv64 | linux/s390x | windows/amd64 |');
    expect(lines[3]).toBe('| 127.0.0.1:5000/corpus/amd64-only:1.0.0 | incompatible | ✓ | — | — | — | — | — | — | — | — |');
  });
  it('escapes pipes and newlines so a row stays a row', () => {
    const md = toMarkdown([hostile], ['linux/amd64']);
    expect(md.trimEnd().split('\n')).toHaveLength(3);
    expect(md).toContain('\\|a b');
  });
});

describe('toCsv', () => {
  it('RFC 4180 with CRLF rows', () => {
    const csv = toCsv(corpus, ['linux/amd64', 'linux/arm64']);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('reference,verdict,linux/amd64,linux/arm64,explanation,fix');
    expect(rows[1]?.startsWith('127.0.0.1:5000/corpus/good:1.0.0,ready,yes,yes,')).toBe(true);
    expect(rows).toHaveLength(corpus.length + 2);
  });
  it('quotes and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    const csv = toCsv([hostile], []);
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")|a\nb"');
    expect(csv).toContain('"\'+cmd, ""quoted"""');
    expect(csv).toContain("'@SUM(1)");
  });
});

describe('toJson', () => {
  it('reference, verdict, normalised platforms and message for every result', () => {
    const parsed = JSON.parse(toJson(corpus)) as { reference: string; verdict: string; platforms: string[]; message: string }[];
    expect(parsed).toHaveLength(corpus.length);
    expect(parsed[0]).toMatchObject({ reference: '127.0.0.1:5000/corpus/good:1.0.0', verdict: 'ready', platforms: ['linux/amd64', 'linux/arm64'] });
    for (const row of parsed) expect(row.message.length).toBeGreaterThan(0);
  });
});
