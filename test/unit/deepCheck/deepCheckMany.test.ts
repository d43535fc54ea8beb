/** deepCheckMany: several images at once, at most `concurrency`, each result delivered with its index. */
import { describe, expect, it } from 'vitest';
import { deepCheckMany } from '@deepCheck/deepCheck.js';
import {
  AMD,
  ARM,
  BOTH,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  metadata,
} from '../../support/fakeReader.js';

describe('deepCheckMany', () => {
  it('checks at most `concurrency` images at once and delivers each result with its index', async () => {
    let running = 0;
    let most = 0;
    const refs = Array.from({ length: 7 }, (_, i) => `127.0.0.1:5100/deep/x${i}:1.0.0`);
    const results = Object.fromEntries(refs.map((r) => [r, inspectResult(r, BOTH)]));
    const base = fakePlatformCheck(results);
    const check = async (reference: string, signal: AbortSignal) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return base(reference, signal);
    };
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': metadata({}) } },
      [ARM]: { files: { '/metadata.json': metadata({}) } },
    });
    const delivered: number[] = [];
    const out = await deepCheckMany(refs, deps(reader, check), {
      concurrency: 2,
      onResult: (_r, i) => delivered.push(i),
    });
    expect(most).toBe(2);
    expect(out.map((r) => r.reference)).toEqual(refs);
    expect([...delivered].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
