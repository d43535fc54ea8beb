/**
 * The deep check's pure UI rules: the badge's verdict, hostile backend answers, a warning that stays a
 * warning, the remembered store (checked results only).
 */
import { describe, expect, it } from 'vitest';
import { parseDeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import { doneLine, shownVerdict, type DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { judgedResult } from '@ui/features/deepCheck/model/judgedRows';
import {
  deepKey,
  MAX_REMEMBERED_DEEP,
  parseRememberedDeep,
  serialiseRememberedDeep,
} from '@ui/features/deepCheck/model/rememberedDeep';
import {
  DIGEST,
  notCheckedRow,
  platformResult,
  windowsWarningRow,
  wrongHostBinaryRow,
} from '../../../support/deepRows.js';

const findings = parseDeepFindings(wrongHostBinaryRow);
const done = (verdict: 'wrong-host-binary' | 'backend-missing-platforms' | null): DeepRowState | undefined =>
  findings === undefined ? undefined : { kind: 'done', findings: { ...findings, verdict }, remembered: false };

describe('the verdict badge of a row', () => {
  it('shows the deep verdict when it ranks worse than the platform verdict, else the platform verdict', () => {
    expect(shownVerdict('ready', done('wrong-host-binary'))).toBe('wrong-host-binary');
    expect(shownVerdict('missing-platforms', done('wrong-host-binary'))).toBe('wrong-host-binary');
    expect(shownVerdict('incompatible', done('wrong-host-binary'))).toBe('incompatible');
    expect(shownVerdict('ready', done('backend-missing-platforms'))).toBe('backend-missing-platforms');
    expect(shownVerdict('missing-platforms', done('backend-missing-platforms'))).toBe('missing-platforms');
    expect(shownVerdict('ready', done(null))).toBe('ready');
    expect(shownVerdict('ready', { kind: 'running', bytesRead: 10 })).toBe('ready');
  });
});

describe('reading what the backend answers', () => {
  it('drops entries of the wrong shape and unknown states or verdicts, never trusting them', () => {
    const hostile = {
      deep: {
        status: 'checked',
        verdict: 'pwned',
        message: 42,
        variants: ['linux/amd64', 7],
        notes: 'x',
        bytesRead: -5,
      },
      hostBinaries: [
        { os: 'darwin', platform: 'linux/arm64', path: '/x', state: 'exploded' },
        null,
        { os: 'beos', platform: 'p', path: '/y', state: 'ok' },
      ],
      backend: [{ reference: 1 }],
    };
    expect(parseDeepFindings(hostile)).toMatchObject({
      status: 'checked',
      verdict: null,
      message: '',
      variants: ['linux/amd64'],
      notes: [],
      bytesRead: 0,
      hostBinaries: [],
      backend: [],
    });
    expect(parseDeepFindings({ deep: { status: 'maybe' } })).toBeUndefined();
    expect(parseDeepFindings('not a row')).toBeUndefined();
  });
});

describe('deep results remembered by digest', () => {
  it('keys by canonical reference and index digest, and needs a digest', () => {
    expect(deepKey(platformResult('127.0.0.1:5100/deep/x:1'))).toBe(`127.0.0.1:5100/deep/x:1@${DIGEST}`);
    expect(deepKey(platformResult('127.0.0.1:5100/deep/x:1', 'ready', null))).toBeUndefined();
  });

  it('round-trips what it stores and ignores what it cannot read', () => {
    if (findings === undefined) throw new Error('fixture must parse');
    const key = `127.0.0.1:5100/deep/x:1@${DIGEST}`;
    const text = serialiseRememberedDeep(new Map([[key, { savedAt: '2026-12-01T00:00:00.000Z', findings }]]));
    expect(parseRememberedDeep(text).get(key)?.findings).toEqual(findings);
    expect(parseRememberedDeep('{"entries":{"no-digest":{"savedAt":"x","row":{}}}}').size).toBe(0);
    expect(parseRememberedDeep('not json').size).toBe(0);
  });
});

describe('the remembered store', () => {
  it(`keeps the newest ${MAX_REMEMBERED_DEEP} results, dropping the oldest`, () => {
    if (findings === undefined) throw new Error('fixture must parse');
    const entries = new Map(
      Array.from({ length: MAX_REMEMBERED_DEEP + 5 }, (_, i) => [
        `127.0.0.1:5100/deep/x${i}:1@${DIGEST}`,
        { savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), findings },
      ]),
    );
    const back = parseRememberedDeep(serialiseRememberedDeep(entries));
    expect(back.size).toBe(MAX_REMEMBERED_DEEP);
    expect([0, 4].map((i) => back.has(`127.0.0.1:5100/deep/x${i}:1@${DIGEST}`))).toEqual([false, false]);
    expect(back.has(`127.0.0.1:5100/deep/x${MAX_REMEMBERED_DEEP + 4}:1@${DIGEST}`)).toBe(true);
  });
});

describe('a Windows binary for x86_64 in the linux/arm64 variant (a warning, not an error)', () => {
  const warned = parseDeepFindings(windowsWarningRow);

  it("keeps warningOnly from the backend's answer", () => {
    expect(warned?.hostBinaries.map((b) => [b.platform, b.state, b.warningOnly])).toEqual([
      ['linux/amd64', 'ok', false],
      ['linux/arm64', 'wrong-cpu', true],
    ]);
  });

  it("leaves the warning out of the row's line (it is for other machines: the details say it), never a red error", () => {
    if (warned === undefined) throw new Error('fixture must parse');
    expect(doneLine(warned)).toEqual({
      tone: 'ok',
      text: 'Checked inside: helpers right for linux/amd64 and linux/arm64',
    });
    expect(doneLine(warned, { platform: 'linux/amd64', os: 'linux' }).tone).toBe('ok');
  });

  it('is still a warning once remembered and read back', () => {
    if (warned === undefined) throw new Error('fixture must parse');
    const key = `127.0.0.1:5100/deep/w:1@${DIGEST}`;
    const text = serialiseRememberedDeep(new Map([[key, { savedAt: '2026-12-01T00:00:00.000Z', findings: warned }]]));
    const back = parseRememberedDeep(text).get(key)?.findings;
    expect(back?.hostBinaries.map((b) => b.warningOnly)).toEqual([false, true]);
    expect(back === undefined ? undefined : doneLine(back).tone).toBe('ok');
  });
});

describe('a result that could not be checked inside', () => {
  it('is never read back from storage as if it were remembered: the image is read again next time', () => {
    const findings = parseDeepFindings(notCheckedRow);
    if (findings === undefined) throw new Error('fixture must parse');
    expect(findings.status).toBe('not-checked');
    const key = `127.0.0.1:5100/deep/n:1@${DIGEST}`;
    // As an older version of the tab could have stored it.
    const stored = JSON.stringify({ entries: { [key]: { savedAt: '2026-12-01T00:00:00.000Z', row: notCheckedRow } } });
    expect(parseRememberedDeep(stored).has(key)).toBe(false);
  });
});

describe('a row whose inside could not be checked', () => {
  // As a backend answers it (deep.verdict null, as an older one wrote it): the status alone decides.
  const findings = parseDeepFindings(notCheckedRow);
  const state: DeepRowState | undefined =
    findings === undefined ? undefined : { kind: 'done', findings, remembered: false };
  const withVerdict = parseDeepFindings({
    ...(notCheckedRow as object),
    deep: { ...((notCheckedRow as { deep: object }).deep as object), verdict: 'not-checked-inside' },
  });

  it('is never ready: its badge says the inside was not checked, over ready only', () => {
    expect(state).toBeDefined();
    expect(withVerdict?.verdict).toBe('not-checked-inside');
    expect(shownVerdict('ready', state)).toBe('not-checked-inside');
    expect(shownVerdict('missing-platforms', state)).toBe('missing-platforms');
    expect(shownVerdict('local-only', state)).toBe('local-only');
    expect(shownVerdict('unauthorized', state)).toBe('unauthorized');
  });

  it('is judged so (the filter, counts and exports), and its deep line says why, as a warning', () => {
    const ready = platformResult('127.0.0.1:5100/x/n:1');
    const judged = judgedResult(ready, state);
    expect(judged.verdict).toBe('not-checked-inside');
    expect(judged.explanation).toBe('the registry did not answer before the deadline');
    expect(judged.userFix).toMatch(/tell its publisher/);
    expect(findings === undefined ? undefined : doneLine(findings)).toEqual({
      tone: 'warning',
      text: 'Not checked inside: the registry did not answer before the deadline',
    });
  });
});
