import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useExport } from '@ui/features/matrix/hooks/useExport';
import { APP_VERSION, exportText } from '@ui/features/matrix/model/exports';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { DEFAULT_VIEW } from '@ui/features/matrix/model/view';
import { fakeClient } from '../../support/fakeClient.js';
import { providers } from '../../support/hookHarness';

const GOOD = '127.0.0.1:5000/corpus/good:1.0.0';
const rows: MatrixRow[] = [
  {
    reference: GOOD,
    origin: 'installed',
    isSelf: false,
    status: 'done',
    result: {
      reference: GOOD,
      verdict: 'ready',
      explanation: 'Published for linux/amd64 and linux/arm64',
      platforms: ['linux/amd64', 'linux/arm64'],
      commands: [],
    },
  },
  { reference: 'pending/one:1', origin: 'installed', isSelf: false, status: 'pending' },
];

// Every export is stamped: the fake client's host is arm64; the time is fixed.
/** The blobs a download makes and the file names its link clicks ask for (jsdom downloads nothing). */
function captureDownloads(): { readonly blobs: Blob[]; readonly clicked: string[] } {
  const blobs: Blob[] = [];
  const clicked: string[] = [];
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:export';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  return { blobs, clicked };
}

const NOW = new Date('2026-12-01T15:30:00Z');
const now = (): Date => NOW;
const STAMP = {
  date: '2026-12-01T15:30:00.000Z',
  host: 'linux/arm64',
  hostOs: 'darwin',
  version: APP_VERSION,
} as const;

// jsdom's Blob has no text(); FileReader reads it.
const readText = (blob: Blob): Promise<unknown> =>
  new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result);
    reader.readAsText(blob);
  });

const { createObjectURL, revokeObjectURL } = URL;

function clipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

beforeEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('useExport', () => {
  it('copies the rows with a result as Markdown and says so', async () => {
    const copied: string[] = [];
    clipboard(async (text) => void copied.push(text));
    const fake = fakeClient(() => undefined);
    const { result } = renderHook(() => useExport(rows, { now }), { wrapper: providers(fake.client) });
    await act(() => result.current('markdown', 'copy'));
    expect(copied).toEqual([exportText(rows, 'markdown', STAMP)]);
    expect(copied[0]).toContain(`Arch Matrix ${APP_VERSION}, 2026-12-01T15:30:00.000Z, this machine: linux/arm64`);
    expect(copied[0]).toContain(GOOD);
    expect(copied[0]).not.toContain('pending/one');
    expect(fake.toasts).toEqual([{ level: 'success', message: 'Matrix copied as Markdown.' }]);
  });

  it('says to download instead when the clipboard refuses or is missing', async () => {
    const fake = fakeClient(() => undefined);
    const { result } = renderHook(() => useExport(rows, { now }), { wrapper: providers(fake.client) });
    await act(() => result.current('csv', 'copy'));
    clipboard(() => Promise.reject(new Error('denied')));
    await act(() => result.current('json', 'copy'));
    expect(fake.toasts).toEqual([
      { level: 'error', message: 'Could not copy to the clipboard; use Download CSV instead.' },
      { level: 'error', message: 'Could not copy to the clipboard; use Download JSON instead.' },
    ]);
  });

  it('downloads a named file of the right type and says so', async () => {
    const { blobs, clicked } = captureDownloads();
    const fake = fakeClient(() => undefined);
    const { result } = renderHook(() => useExport(rows, { now }), { wrapper: providers(fake.client) });
    await act(() => result.current('csv', 'download'));
    expect(clicked).toEqual(['arch-matrix-2026-12-01.csv']);
    expect(blobs[0]?.type).toBe('text/csv');
    const blob = blobs[0];
    if (blob === undefined) throw new Error('no blob');
    expect(await readText(blob)).toBe(exportText(rows, 'csv', STAMP));
    expect(await readText(blob)).toContain(',2026-12-01T15:30:00.000Z,linux/arm64 (macOS),');
    expect(fake.toasts).toEqual([{ level: 'success', message: 'Matrix saved as arch-matrix-2026-12-01.csv.' }]);
  });

  it('names the file and heads the text with the filter in effect; a row still checked inside exports as Checking…', async () => {
    const { blobs, clicked } = captureDownloads();
    const fake = fakeClient(() => undefined);
    const scope = { view: { ...DEFAULT_VIEW, verdict: 'ready' as const }, shown: 1, total: 2 };
    const states = new Map([[rowKey(rows[0] as MatrixRow), { kind: 'running' } as const]]);
    const { result } = renderHook(() => useExport(rows, { now, scope, states }), { wrapper: providers(fake.client) });
    await act(() => result.current('markdown', 'download'));
    expect(clicked).toEqual(['arch-matrix-2026-12-01-verdict-ready.md']);
    const blob = blobs[0];
    if (blob === undefined) throw new Error('no blob');
    const text = String(await readText(blob));
    expect(text.split('\n')[0]).toBe(
      `_Arch Matrix ${APP_VERSION}, 2026-12-01T15:30:00.000Z, this machine: linux/arm64 (macOS); filter: verdict Ready (showing 1 of 2)_`,
    );
    expect(text).toContain(`| ${GOOD} | ${GOOD} | Checking… | Ready (ready) | ✓ | ✓ |`);
  });

  it('says when the file could not be saved', async () => {
    URL.createObjectURL = () => {
      throw new Error('blocked');
    };
    const fake = fakeClient(() => undefined);
    const { result } = renderHook(() => useExport(rows, { now }), { wrapper: providers(fake.client) });
    await act(() => result.current('json', 'download'));
    expect(fake.toasts).toEqual([{ level: 'error', message: 'Could not save arch-matrix-2026-12-01.json.' }]);
  });
});
