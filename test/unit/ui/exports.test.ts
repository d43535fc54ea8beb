/** The exports of ui/src/features/matrix/model/exports: which rows, the stamp, the texts and the messages. */
import { describe, expect, it } from 'vitest';
import { APP_VERSION, exportMessages, exportStamp, exportText, hasExportable } from '@ui/features/matrix/model/exports';
import { result, row } from '../../support/matrixRows.js';

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
