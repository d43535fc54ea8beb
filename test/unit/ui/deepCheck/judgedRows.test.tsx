/**
 * A row whose platforms are ready but whose host binaries are wrong is wrong-host-binary everywhere
 * the tab judges rows, as its badge shows it: the verdict filter, the summary counts and the exports
 * (the JSON rows carrying the deep parts exactly as `archmatrix --deep --json` does).
 */
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '@wire/backendApi.js';
import { toJsonRow, withDeepParts, type JsonExport } from '@core/index.js';
import type { BackendPort } from '@ui/features/deepCheck/backendClient/backendPort';
import { useDeepCheck } from '@ui/features/deepCheck/hooks/useDeepCheck';
import { useJudgedRows } from '@ui/features/deepCheck/hooks/useJudgedRows';
import { parseDeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import type { DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { deepPartsOf, judgedRows } from '@ui/features/deepCheck/model/judgedRows';
import { exportText } from '@ui/features/matrix/model/exports';
import type { MatrixRow } from '@ui/shared/matrixRow';
import { summaryCounts } from '@ui/features/matrix/model/summaryCounts';
import { DEFAULT_VIEW, viewRows, type VerdictFilter } from '@ui/features/matrix/model/view';
import { doneRow, snapshot, wrongHostBinaryRow } from '../../../support/deepRows.js';
import { hostOnlyProvider } from '../../../support/hookHarness';

const WRONG = '127.0.0.1:5100/deep/wrong-host-binary:1.0.0';
const GOOD = '127.0.0.1:5100/deep/good:1.0.0';
const STAMP = { date: '2026-12-01T16:00:00.000Z', host: 'linux/amd64', version: '0.0.0-test' } as const;

const parsed = parseDeepFindings(wrongHostBinaryRow);
if (parsed === undefined) throw new Error('the fixture must parse');
const findings = parsed;
const doneState: DeepRowState = { kind: 'done', findings, remembered: false };

const filtered = (rows: readonly MatrixRow[], verdict: VerdictFilter): string[] =>
  viewRows(rows, { ...DEFAULT_VIEW, verdict })
    .map((r) => r.reference)
    .sort();
const jsonRows = (rows: readonly MatrixRow[]): JsonExport['rows'] =>
  (JSON.parse(exportText(rows, 'json', STAMP)) as JsonExport).rows;

describe('rows judged with their deep results', () => {
  const rows = [doneRow(WRONG), doneRow(GOOD)];
  const judged = judgedRows(rows, (row) => (row.reference === WRONG ? doneState : { kind: 'running', bytesRead: 1 }));

  it('takes the worse verdict and keeps the platform verdict beside it; rows without a finished deep check stay as they are', () => {
    expect(judged[0]?.result).toMatchObject({
      verdict: 'wrong-host-binary',
      platformVerdict: 'ready',
      explanation: findings.message,
    });
    expect(judged[1]).toBe(rows[1]);
    expect(judgedRows(rows, () => undefined)).toEqual(rows);
  });

  it('filters the row as wrong-host-binary, never as ready', () => {
    expect(filtered(rows, 'ready')).toEqual([GOOD, WRONG]);
    expect(filtered(judged, 'ready')).toEqual([GOOD]);
    expect(filtered(judged, 'wrong-host-binary')).toEqual([WRONG]);
    expect(filtered(judged, 'attention')).toEqual([WRONG]);
  });

  it('counts the row as needing attention, not as ready', () => {
    expect(summaryCounts(rows)).toMatchObject({ installed: 2, ready: 2, attention: 0 });
    expect(summaryCounts(judged)).toMatchObject({ installed: 2, ready: 1, attention: 1 });
  });

  it('exports the row as wrong-host-binary in Markdown and CSV', () => {
    // The name (no labels: the reference), the answer for this linux/amd64 machine (the wrong binary is in
    // linux/arm64), the verdict's label and code, and the variant holding the wrong binary named in its cell.
    expect(exportText(judged, 'markdown', STAMP)).toContain(
      `| ${WRONG} | ${WRONG} | Works here | Wrong host binary (wrong-host-binary) | ✓ | ✓ wrong host binary (macOS) |`,
    );
    expect(exportText(judged, 'csv', STAMP)).toContain(`${WRONG},wrong-host-binary,`);
  });

  it('exports JSON rows with the deep parts, as `archmatrix --deep --json` writes them', () => {
    const [wrong, good] = jsonRows(judged);
    const base = rows[0]?.result;
    if (base === undefined) throw new Error('the row has a result');
    expect(wrong).toEqual({
      ...JSON.parse(JSON.stringify(toJsonRow(withDeepParts(base, deepPartsOf(findings))))),
      name: WRONG,
      thisMachine: {
        answer: 'works',
        reason: 'Published for this machine (linux/amd64), and its parts for this machine are right.',
      },
    });
    expect(wrong).toMatchObject({
      verdict: 'wrong-host-binary',
      deep: { status: 'checked', verdict: 'wrong-host-binary', platformVerdict: 'ready' },
    });
    expect(wrong?.hostBinaries?.map((b) => b.state)).toEqual(['ok', 'wrong-cpu', 'ok']);
    expect(wrong?.backend?.map((b) => b.reference)).toEqual(['127.0.0.1:5100/deep/backend:1.0.0']);
    expect(good).toMatchObject({ verdict: 'ready', deep: null, hostBinaries: null, backend: null });
  });
});

const wrapper = hostOnlyProvider;

/** The backend's answer for an image with nothing wrong inside. */
const fineRow: JsonValue = {
  reference: GOOD,
  verdict: 'ready',
  deep: {
    status: 'checked',
    verdict: null,
    platformVerdict: 'ready',
    message: 'No host binaries and no backend',
    fix: null,
    warnings: 0,
    variants: ['linux/amd64', 'linux/arm64'],
    notes: [],
    bytesRead: 10,
    bytesTotal: 10,
  },
  hostBinaries: [],
  backend: [],
};

/** The backend finds the wrong host binary in WRONG's image only. */
const port: BackendPort = {
  startDeep: (refs) =>
    Promise.resolve({ ok: true, value: snapshot(`job:${refs[0] ?? ''}`, refs[0] ?? '', { state: 'queued' }) }),
  pollDeep: (id) => {
    const reference = id.slice('job:'.length);
    const result = reference === WRONG ? wrongHostBinaryRow : fineRow;
    return Promise.resolve({ ok: true, value: snapshot(id, reference, { state: 'done', result }, 'done') });
  },
  cancelDeep: (id) => Promise.resolve({ ok: true, value: snapshot(id, 'r', { state: 'cancelled' }, 'cancelled') }),
};

function useTabRows(rows: readonly MatrixRow[]): readonly MatrixRow[] {
  return useJudgedRows(rows, useDeepCheck(rows, port));
}

beforeEach(() => window.localStorage.clear());
afterEach(() => window.localStorage.clear());

describe('useJudgedRows in the tab', () => {
  it('filters, counts and exports a ready row as wrong-host-binary once its deep check finds a wrong host binary', async () => {
    const rows = [doneRow(WRONG), doneRow(GOOD)];
    const { result } = renderHook(() => useTabRows(rows), { wrapper });
    expect(filtered(result.current, 'ready')).toEqual([GOOD, WRONG]);
    await waitFor(() => expect(filtered(result.current, 'wrong-host-binary')).toEqual([WRONG]));
    await waitFor(() => expect(result.current[1]?.result).toHaveProperty('deep'));
    expect(filtered(result.current, 'ready')).toEqual([GOOD]);
    expect(summaryCounts(result.current)).toMatchObject({ installed: 2, ready: 1, attention: 1 });
    expect(jsonRows(result.current).map((r) => [r.verdict, r.deep?.platformVerdict, r.deep?.verdict])).toEqual([
      ['wrong-host-binary', 'ready', 'wrong-host-binary'],
      ['ready', 'ready', null],
    ]);
  });
});
