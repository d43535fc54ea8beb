import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlBeyondLimits } from '@core/inside/yamlLimits.js';
import { dataText } from '../../../support/deepData.js';

/** Levels of collections in a parsed value: a scalar is 0, a list of scalars 1. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

const NO_TOKEN_LIMIT = Number.MAX_SAFE_INTEGER;
const beyond = (text: string, maxDepth: number) => yamlBeyondLimits(text, { maxDepth, maxTokens: NO_TOKEN_LIMIT });

/** Twenty levels of each way YAML nests, the real depth measured by parsing it. */
const FORMS: Readonly<Record<string, string>> = {
  'maps indented by one': Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  'maps indented by four': Array.from({ length: 20 }, (_, i) => `${' '.repeat(4 * i)}k${i}:`).join('\n') + ' x\n',
  // A sequence that is a mapping's value may sit at its key's column: two levels per column.
  'sequences at their key column': `k:\n${Array.from({ length: 20 }, (_, i) => `${' '.repeat(2 * i)}- k:`).join('\n')} x\n`,
  'block scalars between levels': `${Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}s${i}: |\n${' '.repeat(i)}t${i}: >\n${' '.repeat(i + 2)}text\n${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
  'compact sequences': `${'- '.repeat(20)}x\n`,
  flow: `k: ${'['.repeat(20)}${']'.repeat(20)}\n`,
  'flow inside block': `a:\n  b:\n  - c: ${'{d: '.repeat(15)}1${'}'.repeat(15)}\n`,
};

describe('yamlBeyondLimits', () => {
  it.each(Object.entries(FORMS))('never counts fewer levels than there are: %s', (_name, text) => {
    const real = depthOf(parse(text));
    expect(real).toBeGreaterThanOrEqual(15);
    expect(beyond(text, real - 1)).toMatchObject({ limit: 'depth', message: `nests deeper than ${real - 1} levels` });
  });

  it('keeps real compose files far below the limit', () => {
    for (const file of [
      'compose/volumes-backup-extension.yaml',
      'compose/labs-ai-tools-for-devs.yaml',
      'compose/portainer-docker-extension.yml',
      'compose/openwebui-model-runner-script.yaml',
    ]) {
      expect(beyond(dataText(file), 16)).toBeUndefined();
    }
  });

  it('closes flow collections, and ends them where the lexer cuts an unclosed one short', () => {
    const siblings = Array.from({ length: 100 }, (_, i) => `k${i}: [${i}]`).join('\n');
    expect(beyond(siblings, 6)).toBeUndefined();
    // An unclosed "[" ends at the next line that is not indented: the block nesting after it still counts.
    expect(beyond(`x: [\n${'- '.repeat(5000)}y\n`, 64)).toMatchObject({ limit: 'depth' });
  });

  it('opens nothing for comments, however indented', () => {
    const stairs = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}# note ${i}`).join('\n');
    expect(beyond(`${stairs}\na:\n  b: 1\n`, 6)).toBeUndefined();
  });

  it('reads brackets and indentation inside quoted and block scalars as text', () => {
    const text = `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\nc: |\n${Array.from({ length: 100 }, (_, i) => ` ${' '.repeat(i)}[x`).join('\n')}\nd: 1\n`;
    expect(beyond(text, 6)).toBeUndefined();
  });

  it('stops at the token limit', () => {
    expect(yamlBeyondLimits('a: [1, 2, 3, 4]\n', { maxDepth: 64, maxTokens: 5 })).toEqual({
      limit: 'tokens',
      message: 'has more than 5 YAML tokens',
    });
    expect(yamlBeyondLimits('a: 1\n', { maxDepth: 64, maxTokens: 100 })).toBeUndefined();
  });

  it('counts aliases (*name), never a star in quoted or plain text, and stops past the limit', () => {
    const limits = { maxDepth: 64, maxTokens: 10_000, maxAliases: 3 };
    expect(yamlBeyondLimits('x: &a 1\ny: [*a, *a, *a]\n', limits)).toBeUndefined();
    expect(yamlBeyondLimits('x: &a 1\ny: [*a, *a, *a]\nz: *a\n', limits)).toEqual({
      limit: 'aliases',
      message: 'uses more than 3 YAML aliases (the mark of an alias bomb)',
    });
    const stars = `a: "*x"\nb: '*y'\nc: a*b\nd: |\n  *z\n  *w\ne: [a*b, "*q", '*r']\n# *c *d\n`;
    expect(yamlBeyondLimits(stars, { ...limits, maxAliases: 0 })).toBeUndefined();
    // A top-level block scalar's lines may start with a star: text, not aliases.
    expect(yamlBeyondLimits('--- |\n*z\n*w\n', { ...limits, maxAliases: 0 })).toBeUndefined();
    // Without a limit, any number.
    expect(
      yamlBeyondLimits(`x: &a 1\ny: [${Array(50).fill('*a').join(', ')}]\n`, { maxDepth: 64, maxTokens: 10_000 }),
    ).toBeUndefined();
  });
});
