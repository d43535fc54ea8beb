import { describe, expect, it } from 'vitest';
import { createProgress, progressLine, showProgress } from '@cli/progress.js';
import { READY, UNREACHABLE } from '../../support/handBuiltResults.js';

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (text: string) => chunks.push(text) };
}

describe('progress', () => {
  it('shows on a terminal by default, elsewhere only with --progress, never with --no-progress', () => {
    expect(showProgress('auto', true)).toBe(true);
    expect(showProgress('auto', false)).toBe(false);
    expect(showProgress('always', false)).toBe(true);
    expect(showProgress('never', true)).toBe(false);
  });

  it('writes one line per image when not in place', () => {
    const s = sink();
    const p = createProgress(s, 2, false);
    p.onResult(READY);
    p.onResult(UNREACHABLE);
    p.done();
    expect(s.chunks).toEqual([`[1/2] ${READY.reference}: ready\n`, `[2/2] ${UNREACHABLE.reference}: unreachable\n`]);
  });

  it('rewrites one line on a terminal, cut to its width, and clears it at the end', () => {
    const s = sink();
    const p = createProgress(s, 40, true, 30);
    p.onResult(READY);
    p.done();
    expect(s.chunks[0]).toBe(`\r\u001b[2K${progressLine(1, 40, READY).slice(0, 29)}`);
    expect(s.chunks.at(-1)).toBe('\r\u001b[2K');
  });

  it('assumes 80 columns when the terminal reports none', () => {
    const s = sink();
    createProgress(s, 1, true, 0).onResult({ ...READY, reference: 'x'.repeat(200) });
    expect(s.chunks[0]).toHaveLength('\r\u001b[2K'.length + 79);
  });

  it('escapes control characters in names', () => {
    expect(progressLine(1, 1, { reference: 'a\u001bb', verdict: 'invalid-reference' })).toBe(
      '[1/1] a\\u001bb: invalid-reference',
    );
  });
});
