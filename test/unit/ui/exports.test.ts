/** The exports of ui/src/features/matrix/model/exports: which rows, the stamp, the texts and the messages. */
import { describe, expect, it } from 'vitest';
import {
  APP_VERSION,
  exportMessages,
  exportName,
  exportStamp,
  exportText,
  filterWords,
  hasExportable,
} from '@ui/features/matrix/model/exports';
import { DEFAULT_VIEW } from '@ui/features/matrix/model/view';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
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
    expect(exportMessages('json', 'download', 'arch-matrix-2026-12-01.json')).toEqual({
      done: 'Matrix saved as arch-matrix-2026-12-01.json.',
      failed: 'Could not save arch-matrix-2026-12-01.json.',
    });
  });

  it('says the filter in effect in words, in the header and in the file name', () => {
    expect(filterWords(DEFAULT_VIEW)).toBeUndefined();
    const view = { ...DEFAULT_VIEW, verdict: 'attention', platform: 'lacks:linux/arm64' } as const;
    expect(filterWords(view)).toBe('needs attention; lacks linux/arm64');
    expect(filterWords({ ...DEFAULT_VIEW, verdict: 'wrong-host-binary', platform: 'has:linux/amd64' })).toBe(
      'verdict Wrong host binary; published for linux/amd64',
    );
    const stamp = exportStamp(new Date('2026-12-01T15:30:00Z'), undefined, 'linux', { view, shown: 1, total: 2 });
    expect(stamp).toMatchObject({
      hostOs: 'linux',
      filter: 'needs attention; lacks linux/arm64',
      shown: { count: 1, of: 2 },
    });
    expect(exportName('markdown', stamp)).toBe('arch-matrix-2026-12-01-needs-attention-lacks-linux-arm64.md');
    expect(exportText(rows, 'markdown', stamp).split('\n')[0]).toContain(
      'filter: needs attention; lacks linux/arm64 (showing 1 of 2)',
    );
  });

  it('each row: its name, its answer for this machine as the row shows it (Checking… while the inside is read)', () => {
    const stamp = exportStamp(new Date('2026-12-01T15:30:00Z'), { os: 'linux', architecture: 'amd64' }, 'linux');
    const named = [
      {
        ...row('a/x:1', result('a/x:1', 'ready')),
        local: {
          id: 'sha256:1',
          repoTags: ['a/x:1'],
          repoDigests: [],
          labels: { 'org.opencontainers.image.title': 'X Tools' },
        },
      },
    ];
    expect(exportText(named, 'markdown', stamp)).toContain('| a/x:1 | X Tools | Works here | Ready (ready) | ✓ | ✓ |');
    const running = new Map([[rowKey(named[0] as MatrixRow), { kind: 'running' } as const]]);
    expect(exportText(named, 'markdown', stamp, running)).toContain('| a/x:1 | X Tools | Checking… | Ready (ready) |');
    const json = JSON.parse(exportText(named, 'json', stamp, running)) as {
      rows: { name: string; thisMachine: unknown }[];
    };
    expect(json.rows[0]).toMatchObject({
      name: 'X Tools',
      thisMachine: { answer: 'unknown', reason: 'Published for this machine (linux/amd64); checking what is inside.' },
    });
  });
});
