import { describe, expect, it } from 'vitest';
import { renderJson, toJsonRow } from '../../../src/cli/renderJson.js';
import { AMD64_ONLY, READY, UNREACHABLE } from './results.js';

describe('renderJson', () => {
  it('prints an array with the documented keys, in input order', () => {
    const parsed: unknown = JSON.parse(renderJson([READY, AMD64_ONLY, UNREACHABLE], []));
    expect(Array.isArray(parsed)).toBe(true);
    const rows = parsed as Record<string, unknown>[];
    expect(rows.map((r) => r.reference)).toEqual([READY.reference, AMD64_ONLY.reference, UNREACHABLE.reference]);
    expect(rows.map((r) => r.verdict)).toEqual(['ready', 'missing-platforms', 'unreachable']);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(
        ['canonical', 'commands', 'failure', 'fix', 'label', 'manifest', 'message', 'platforms', 'reference', 'requirement', 'severity', 'source', 'verdict'],
      );
    }
  });

  it('maps explanation to message, absent values to null, and commands to display strings', () => {
    const ready = toJsonRow(READY, []);
    expect(ready).toMatchObject({ message: 'Published for linux/amd64 and linux/arm64', fix: null, failure: null, requirement: null, source: 'registry' });
    expect(ready.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(ready.commands).toEqual(['docker buildx imagetools inspect 127.0.0.1:5000/corpus/good:1.0.0 --raw']);
    expect(toJsonRow(UNREACHABLE, []).failure).toEqual({ kind: 'unreachable', message: UNREACHABLE.failure?.message });
    expect(toJsonRow(AMD64_ONLY, []).fix).toContain('--platform=linux/amd64,linux/arm64');
  });

  it('with --require, every row says whether it meets it', () => {
    const required = ['linux/amd64', 'linux/arm64'];
    expect(toJsonRow(READY, required).requirement).toEqual({ required, status: 'met', missing: [] });
    expect(toJsonRow(AMD64_ONLY, required).requirement).toEqual({ required, status: 'missing-platforms', missing: ['linux/arm64'] });
    expect(toJsonRow(UNREACHABLE, required).requirement).toEqual({ required, status: 'not-inspected', missing: required });
  });

  it('an empty list is an empty array', () => {
    expect(JSON.parse(renderJson([], []))).toEqual([]);
  });
});
