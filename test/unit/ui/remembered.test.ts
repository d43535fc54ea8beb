import { describe, expect, it } from 'vitest';
import { MAX_STORED_OUTPUT, parseRemembered, serialiseRemembered } from '@ui/features/matrix/model/remembered';
import type { MatrixRow } from '@ui/shared/matrixRow';

const row: MatrixRow = {
  reference: '127.0.0.1:5000/corpus/good:1.0.0',
  origin: 'installed',
  isSelf: true,
  status: 'done',
  local: {
    id: 'sha256:54c824b63a82',
    repoTags: ['127.0.0.1:5000/corpus/good:1.0.0'],
    repoDigests: [],
    labels: { 'org.opencontainers.image.title': 'Arch Matrix Good' },
  },
  result: {
    reference: '127.0.0.1:5000/corpus/good:1.0.0',
    verdict: 'ready',
    explanation: 'Published for linux/amd64 and linux/arm64',
    platforms: ['linux/amd64', 'linux/arm64'],
    commands: [
      {
        argv: ['buildx', 'imagetools', 'inspect', '127.0.0.1:5000/corpus/good:1.0.0', '--raw'],
        exitCode: 0,
        stdout: 'x'.repeat(MAX_STORED_OUTPUT + 10),
        stderr: '',
      },
    ],
  },
};

describe('remembered results', () => {
  it('round-trips installed rows and cuts long outputs', () => {
    const typed: MatrixRow = { ...row, reference: 'typed', origin: 'typed' };
    const back = parseRemembered(serialiseRemembered([row, typed], '2026-01-02T03:04:05.000Z'));
    expect(back?.savedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(back?.rows.map((r) => r.reference)).toEqual([row.reference]);
    expect(back?.rows[0]?.isSelf).toBe(true);
    expect(back?.rows[0]?.local?.labels['org.opencontainers.image.title']).toBe('Arch Matrix Good');
    expect(back?.rows[0]?.result?.commands[0]?.stdout.length).toBeLessThan(MAX_STORED_OUTPUT + 100);
    expect(back?.rows[0]?.result?.commands[0]?.stdout).toContain('(cut:');
  });

  it('ignores storage that is missing, not JSON, of another shape or with unknown verdicts', () => {
    expect(parseRemembered(null)).toBeUndefined();
    expect(parseRemembered('{not json')).toBeUndefined();
    expect(parseRemembered('[1,2]')).toBeUndefined();
    const forged = JSON.parse(serialiseRemembered([row], 'now')) as { rows: { result: { verdict: string } }[] };
    const first = forged.rows[0];
    if (first === undefined) throw new Error('no row');
    first.result.verdict = '<img src=x onerror=alert(1)>';
    expect(parseRemembered(JSON.stringify(forged))).toBeUndefined();
  });
});
