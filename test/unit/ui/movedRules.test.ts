/** The rules that moved out of hooks and components into ui/src/features/matrix/model. */
import { describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import { APP_VERSION, exportMessages, exportStamp, exportText, hasExportable } from '@ui/features/matrix/model/exports';
import { transientSummary, typedFailureToast } from '@ui/features/matrix/model/failureToasts';
import type { MatrixRow } from '@ui/shared/matrixRow';
import { validateTyped } from '@ui/features/matrix/model/typed';
import { DEFAULT_VIEW, isFiltered, toggleSort } from '@ui/features/matrix/model/view';

const result = (
  reference: string,
  verdict: InspectResult['verdict'],
  failure?: InspectResult['failure'],
  source?: InspectResult['source'],
): InspectResult => ({
  reference,
  verdict,
  explanation: `${verdict} for ${reference}`,
  platforms: verdict === 'ready' ? ['linux/amd64', 'linux/arm64'] : [],
  commands: [],
  failure,
  source,
});
const row = (reference: string, r?: InspectResult): MatrixRow => ({
  reference,
  origin: 'installed',
  isSelf: false,
  status: r === undefined ? 'pending' : 'done',
  result: r,
});

describe('validateTyped', () => {
  it('trims and accepts a valid reference', () => {
    expect(validateTyped('  me/ext:1.0.0\n')).toEqual({ ok: true, reference: 'me/ext:1.0.0' });
  });
  it('refuses empty input and invalid references with a reason', () => {
    expect(validateTyped(' ')).toEqual({
      ok: false,
      reason: expect.stringContaining('Type or paste an image reference'),
    });
    const bad = validateTyped('Me/Ext');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('lowercase');
  });
});

describe('exports', () => {
  const rows = [row('a/x:1', result('a/x:1', 'ready')), row('b/y:1')];
  it('exports only the rows with a result', () => {
    expect(hasExportable(rows)).toBe(true);
    expect(hasExportable([row('b/y:1')])).toBe(false);
    const stamp = exportStamp(new Date('2026-12-01T15:30:00Z'), { os: 'linux', architecture: 'amd64' });
    expect(stamp).toEqual({ date: '2026-12-01T15:30:00.000Z', host: 'linux/amd64', version: APP_VERSION });
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(exportText(rows, 'csv', stamp)).toContain('a/x:1');
    expect(exportText(rows, 'csv', stamp)).not.toContain('b/y:1');
    expect((JSON.parse(exportText(rows, 'json', stamp)) as { rows: unknown[] }).rows).toHaveLength(1);
    expect(exportText(rows, 'markdown', stamp)).toContain(
      `Arch Matrix ${APP_VERSION}, 2026-12-01T15:30:00.000Z, this machine: linux/amd64`,
    );
  });
  it('words the outcome by format and action', () => {
    expect(exportMessages('markdown', 'copy')).toEqual({
      done: 'Matrix copied as Markdown.',
      failed: 'Could not copy to the clipboard; use Download Markdown instead.',
    });
    expect(exportMessages('json', 'download')).toEqual({
      done: 'Matrix saved as arch-matrix.json.',
      failed: 'Could not save arch-matrix.json.',
    });
  });
});

describe('failure toasts', () => {
  const unreachable = { kind: 'unreachable', message: 'dial tcp: connection refused' } as const;
  it('sums up the failures that may go away on refresh, at most three by name', () => {
    const failed = ['a', 'b', 'c', 'd'].map((name) => result(`${name}/x:1`, 'unreachable', unreachable));
    expect(transientSummary([result('ok/x:1', 'ready'), ...failed])).toBe(
      '4 of 5 images could not be inspected (a/x:1, b/x:1, c/x:1 and 1 more). Refresh to try again.',
    );
  });
  it('says nothing for verdicts that are answers, local-store rows, or when all went well', () => {
    expect(
      transientSummary([result('a/x:1', 'not-found', { kind: 'not-found', message: 'not found' })]),
    ).toBeUndefined();
    expect(transientSummary([result('a/x:1', 'local-only', unreachable, 'local-store')])).toBeUndefined();
    expect(transientSummary([result('a/x:1', 'ready')])).toBeUndefined();
  });
  it('toasts a typed image that failed, unless it was cancelled or the local store answered', () => {
    expect(typedFailureToast('a/x:1', result('a/x:1', 'unreachable', unreachable))).toBe(
      'a/x:1: unreachable for a/x:1',
    );
    expect(
      typedFailureToast('a/x:1', result('a/x:1', 'error', { kind: 'cancelled', message: 'cancelled' })),
    ).toBeUndefined();
    expect(typedFailureToast('a/x:1', result('a/x:1', 'local-only', unreachable, 'local-store'))).toBeUndefined();
    expect(typedFailureToast('a/x:1', result('a/x:1', 'ready'))).toBeUndefined();
  });
});

describe('sort and filter state', () => {
  it('sorts a new column ascending and flips the active one', () => {
    const byName = toggleSort(DEFAULT_VIEW, 'name');
    expect(byName).toEqual({ ...DEFAULT_VIEW, sort: 'name', direction: 'asc' });
    expect(toggleSort(byName, 'name').direction).toBe('desc');
    expect(toggleSort(toggleSort(byName, 'name'), 'name').direction).toBe('asc');
    expect(toggleSort({ ...byName, direction: 'desc' }, 'platform:linux/arm64')).toEqual({
      ...DEFAULT_VIEW,
      sort: 'platform:linux/arm64',
      direction: 'asc',
    });
  });
  it('knows when a filter hides rows', () => {
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, verdict: 'attention' })).toBe(true);
    expect(isFiltered({ ...DEFAULT_VIEW, platform: 'lacks:linux/arm64' })).toBe(true);
  });
});
