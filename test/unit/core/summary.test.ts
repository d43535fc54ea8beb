import { describe, expect, it } from 'vitest';
import {
  hostPlatform,
  summarise,
  summariseMatrix,
  type InspectResult,
  type SummaryEntry,
  type Verdict,
} from '@core/index.js';
import { resultFor } from '../../support/recordedResults.js';

const ARM = hostPlatform('arm64');
const AMD = hostPlatform('x64');

const made = (reference: string, verdict: Verdict, canonical?: string): InspectResult => ({
  reference,
  canonical,
  verdict,
  explanation: 'e',
  platforms: verdict === 'ready' ? ['linux/amd64', 'linux/arm64'] : [],
  commands: [],
});
const installed = (result: InspectResult): SummaryEntry => ({
  reference: result.reference,
  origin: 'installed',
  result,
});
const typed = (result: InspectResult): SummaryEntry => ({ reference: result.reference, origin: 'typed', result });

describe('summariseMatrix', () => {
  // good, legacy-list, many-platforms, windows-entry: ready; amd64-only: incompatible on arm64; arm64-only-attested: missing-platforms.
  const corpus = ['good', 'amd64-only', 'arm64-only-attested', 'legacy-list', 'many-platforms', 'windows-entry'].map(
    (n) => installed(resultFor(n)),
  );

  it('starts with "N of M ready", then one count per verdict, worst first', () => {
    const s = summariseMatrix(corpus, ARM);
    expect(s.text).toBe('4 of 6 ready; 1 will not install on this machine (linux/arm64), 1 missing platform');
    expect(s.installed).toMatchObject({ total: 6, ready: 4, pending: 0 });
    expect(s.installed.counts.map((c) => [c.verdict, c.count])).toEqual([
      ['incompatible', 1],
      ['missing-platforms', 1],
      ['ready', 4],
    ]);
  });

  it('names the machine only when it is known', () => {
    expect(summariseMatrix(corpus).text).toBe('4 of 6 ready; 1 incompatible, 1 missing platform');
    expect(summariseMatrix(corpus, AMD).installed.counts.find((c) => c.verdict === 'incompatible')?.text).toBe(
      '1 will not install on this machine (linux/amd64)',
    );
  });

  it('counts an image installed under two names once (same canonical reference)', () => {
    const s = summariseMatrix(
      [
        installed(made('alpine:3.19', 'ready', 'docker.io/library/alpine:3.19')),
        installed(made('docker.io/library/alpine:3.19', 'ready', 'docker.io/library/alpine:3.19')),
        { reference: 'library/alpine:3.19', origin: 'installed' },
        installed(made('me/ext:1', 'unauthorized', 'docker.io/me/ext:1')),
      ],
      ARM,
    );
    expect(s.installed.total).toBe(2);
    expect(s.installed.pending).toBe(0);
    expect(s.text).toBe('1 of 2 ready; 1 unauthorized');
  });

  it('counts typed images apart from the installed extensions', () => {
    const s = summariseMatrix(
      [
        ...corpus,
        typed(made('127.0.0.1:5100/corpus/nope:1', 'not-found')),
        typed(made('127.0.0.1:5100/corpus/good:1.0.0', 'ready')),
      ],
      ARM,
    );
    expect(s.installed.total).toBe(6);
    expect(s.typed).toMatchObject({ total: 2, ready: 1 });
    expect(s.text).toMatch(/^4 of 6 ready; .* · typed images \(counted apart\): 1 of 2 ready; 1 not found$/);
    // The same image installed and typed is one installed extension and one typed image.
    const both = summariseMatrix([installed(made('a/b:1', 'ready')), typed(made('a/b:1', 'ready'))]);
    expect([both.installed.total, both.typed.total]).toEqual([1, 1]);
  });

  it('with only typed images it says no installed extension is shown', () => {
    expect(summariseMatrix([typed(made('a/b:1', 'not-found'))]).text).toBe(
      'No installed extension shown · typed images (counted apart): 0 of 1 ready; 1 not found',
    );
  });

  it('counts rows not inspected yet as pending, never as ready', () => {
    const s = summariseMatrix([installed(made('a/b:1', 'ready')), { reference: 'c/d:1', origin: 'installed' }]);
    expect(s.installed).toMatchObject({ total: 2, ready: 1, pending: 1 });
    expect(s.text).toBe('1 of 2 ready; 1 not checked yet');
  });

  it('summarises exactly the rows it is given (the active filter)', () => {
    const onlyIncompatible = corpus.filter((e) => e.result?.verdict === 'incompatible');
    expect(summariseMatrix(onlyIncompatible, ARM).text).toBe(
      '0 of 1 ready; 1 will not install on this machine (linux/arm64)',
    );
  });

  it('nothing to summarise', () => {
    const s = summariseMatrix([]);
    expect(s.text).toBe('No extension images found');
    expect(s.installed.counts).toEqual([]);
  });
});

describe('summarise (the CLI line)', () => {
  it('is the installed group of the same counts', () => {
    const results = [resultFor('good'), made('x', 'unauthorized'), made('local/dev-extension:latest', 'local-only')];
    expect(summarise(results)).toBe('1 of 3 ready; 1 unauthorized, 1 local only');
    expect(summarise([])).toBe('No extension images found');
  });
});
