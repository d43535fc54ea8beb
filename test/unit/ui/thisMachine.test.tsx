/**
 * The tab's this-machine answer: the row model (never "works" while a check that may change it runs), the
 * `data-this-machine` hook on every row of the recorded corpus (host arm64 macOS), and a row's details in three
 * parts (this machine, other machines, the folded publisher part) for a real deep answer on two machines.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import type { ThisMachine } from '@core/index.js';
import { App } from '@ui/app/App';
import { RowDetails } from '@ui/features/matrix/components/RowDetails';
import { rowDetails } from '@ui/features/matrix/model/details';
import { rowDisplay } from '@ui/features/matrix/model/display';
import { CHECKING, rowAnswer } from '@ui/features/matrix/model/thisMachine';
import { DeepCheckProvider } from '@ui/features/deepCheck/hooks/DeepCheckContext';
import type { DeepCheckController } from '@ui/features/deepCheck/hooks/useDeepCheck';
import { parseDeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import type { DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { DockerProvider } from '@ui/shared/docker/DockerContext';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { doneRow, notCheckedRow, platformResult, wrongHostBinaryRow } from '../../support/deepRows.js';
import { R, SELF, corpusClient, freshTabPerTest } from '../../support/hookHarness';

const LINUX: ThisMachine = { platform: 'linux/amd64', os: 'linux' };
const MAC: ThisMachine = { platform: 'linux/arm64', os: 'darwin' };
const REF = '127.0.0.1:5100/deep/wrong-host-binary:1.0.0';
const findings = parseDeepFindings(wrongHostBinaryRow);
if (findings === undefined) throw new Error('fixture must parse');
const done: DeepRowState = { kind: 'done', findings, remembered: true };

freshTabPerTest();

describe('rowAnswer', () => {
  const row = doneRow(REF);
  it('says Checking… until the platforms are known, and while the inside is read of an image that would work', () => {
    expect(rowAnswer({ ...row, status: 'pending', result: undefined }, undefined, LINUX)).toMatchObject({
      answer: 'unknown',
      checking: true,
      label: CHECKING,
    });
    for (const kind of ['waiting', 'running'] as const) {
      const answer = rowAnswer(row, { kind }, LINUX);
      expect(answer).toMatchObject({ answer: 'unknown', checking: true, label: CHECKING });
      expect(answer.reason).toBe('Published for this machine (linux/amd64); checking what is inside.');
    }
  });

  it('does not wait for the inside when the platforms already say it will not install', () => {
    const amdOnly = doneRow(REF, { ...platformResult(REF, 'missing-platforms'), platforms: ['linux/amd64'] });
    expect(rowAnswer(amdOnly, { kind: 'running' }, MAC)).toMatchObject({
      answer: 'will-not-install',
      checking: false,
      label: "Won't install here",
    });
  });

  it('judges the finished inside for this machine: works on Linux, broken on an Apple-silicon Mac', () => {
    expect(rowAnswer(row, done, LINUX)).toMatchObject({ answer: 'works', label: 'Works here', checking: false });
    expect(rowAnswer(row, done, MAC)).toMatchObject({
      answer: 'broken',
      label: 'Broken here',
      reason: 'Its macOS helper /darwin/tool is built for x86_64; this machine needs arm64.',
    });
  });

  it('an inside that was not checked, or a check that failed, is unknown; no deep check: the platform answer', () => {
    const notChecked = parseDeepFindings(notCheckedRow);
    if (notChecked === undefined) throw new Error('fixture must parse');
    expect(rowAnswer(row, { kind: 'done', findings: notChecked, remembered: false }, LINUX).answer).toBe('unknown');
    expect(rowAnswer(row, { kind: 'failed', message: 'deadline' }, LINUX).answer).toBe('unknown');
    for (const state of [undefined, { kind: 'no-backend', message: 'x' } as const, { kind: 'stopped' } as const])
      expect(rowAnswer(row, state, LINUX)).toMatchObject({ answer: 'works', checking: false });
  });
});

describe('data-this-machine on every row (recorded corpus, host arm64 macOS, no backend)', { timeout: 60_000 }, () => {
  it('is one of the four answers from the first paint, and the answer for this machine once settled', async () => {
    corpusClient();
    render(<App />);
    const rows = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('tr[data-image]')];
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    for (const tr of rows())
      expect(['works', 'will-not-install', 'broken', 'unknown']).toContain(tr.getAttribute('data-this-machine'));
    const answers = (): Record<string, string | null> =>
      Object.fromEntries(rows().map((tr) => [tr.getAttribute('data-image'), tr.getAttribute('data-this-machine')]));
    // Settled: every platform check and inside check over (a row whose inside is read says Checking…, unknown).
    await waitFor(
      () =>
        expect(answers()).toMatchObject({
          [R('good')]: 'works',
          [R('amd64-only')]: 'will-not-install',
          [R('arm64-only-attested')]: 'works',
          [R('legacy-list')]: 'works',
          [R('many-platforms')]: 'works',
          // Never pushed, built for linux/amd64: nobody can tell how it runs on this arm64 Mac.
          [SELF]: 'unknown',
        }),
      { timeout: 30_000 },
    );
    const amd64Only = within(rows().find((tr) => tr.getAttribute('data-image') === R('amd64-only')) as HTMLElement);
    expect(amd64Only.getByTestId('this-machine-answer').textContent).toBe("Won't install");
    expect(amd64Only.getByLabelText("This machine: Won't install here")).toBeTruthy();
    // The row's one-line reason is this machine's.
    expect(amd64Only.getByTestId('row-reason').textContent).toBe(
      'Not published for this machine (linux/arm64): Docker Desktop will not install it.',
    );
  });
});

function controller(row: MatrixRow, state: DeepRowState): DeepCheckController {
  return {
    states: new Map([[rowKey(row), state]]),
    stop: vi.fn(),
    retry: vi.fn(),
    readOthers: vi.fn(),
    readFromRegistry: vi.fn(),
    stopAll: vi.fn(),
  };
}

const hostClient = (arch: string, platform: string): v1.DockerDesktopClient =>
  ({
    host: { arch, platform },
    extension: { image: '' },
    docker: { cli: { exec: () => undefined } },
  }) as unknown as v1.DockerDesktopClient;

function details(row: MatrixRow, dd: v1.DockerDesktopClient): ReactNode {
  return (
    <DockerProvider dd={dd}>
      <DeepCheckProvider value={controller(row, done)}>
        <RowDetails
          id="d"
          row={row}
          display={rowDisplay(row)}
          details={rowDetails(row)}
          onOpenLink={vi.fn()}
          onCopy={vi.fn()}
        />
      </DeepCheckProvider>
    </DockerProvider>
  );
}

describe("a row's details in three parts", () => {
  const row = doneRow(REF);

  it('on a Linux PC: works here; the macOS binary is for other machines; the fix is folded for the publisher', () => {
    render(details(row, hostClient('x64', 'linux')));
    const mine = screen.getByTestId('details-this-machine');
    expect(mine.textContent).toContain('This machine (linux/amd64, Linux)');
    expect(within(mine).getByTestId('this-machine-answer').getAttribute('data-answer')).toBe('works');
    expect(within(mine).getByTestId('verdict').getAttribute('data-verdict')).toBe('wrong-host-binary');
    expect(within(mine).queryByTestId('user-advice')).toBeNull();
    expect(screen.getByTestId('other-machines').textContent).toContain(
      'Apple-silicon Macs: its macOS helper /darwin/tool is built for x86_64, not arm64.',
    );
    // The publisher's material: folded (closed), the fix in a command block, said once in the whole panel.
    const fold = screen.getByTestId('publisher-fold');
    expect(fold.tagName).toBe('DETAILS');
    expect(fold.hasAttribute('open')).toBe(false);
    expect(within(fold).getByText('For the publisher').tagName).toBe('SUMMARY');
    expect(screen.getAllByTestId('fix')).toHaveLength(1);
    expect(within(fold).getByTestId('fix').textContent).toContain('TARGETARCH');
    expect(within(fold).getByTestId('deep-remembered').textContent).toContain('remembered');
    expect(within(fold).getByText('Labels unknown: this image is not in the local store.')).toBeDefined();
    // Nothing that does not touch this machine is red or amber: the chip of the macOS cell is neutral.
    const macCell = document.querySelector(
      '[data-host-binary="/darwin/tool"][data-platform="linux/arm64"] .MuiChip-root',
    );
    expect(macCell?.className).toContain('MuiChip-colorDefault');
  });

  it('on an Apple-silicon Mac: broken here, said in user words with what to do; the chip of that cell is red', () => {
    render(details(row, hostClient('arm64', 'darwin')));
    const mine = screen.getByTestId('details-this-machine');
    expect(within(mine).getByTestId('this-machine-answer').getAttribute('data-answer')).toBe('broken');
    expect(mine.textContent).toContain('Its macOS helper /darwin/tool is built for x86_64; this machine needs arm64.');
    expect(within(mine).getByTestId('user-advice').textContent).toMatch(/^What you can do: Check for an update/);
    expect(screen.queryByTestId('other-machines')).toBeNull();
    const macCell = document.querySelector(
      '[data-host-binary="/darwin/tool"][data-platform="linux/arm64"] .MuiChip-root',
    );
    expect(macCell?.className).toContain('MuiChip-colorError');
    // No backtick anywhere outside the publisher's fold.
    const outside = [...screen.getByTestId('row-details').children].filter(
      (el) => el.getAttribute('data-testid') !== 'publisher-fold',
    );
    for (const el of outside) expect(el.textContent).not.toContain('`');
  });

  it('a typed reference (the author’s own image) opens the publisher part at first', () => {
    render(details({ ...row, origin: 'typed' }, hostClient('x64', 'linux')));
    expect(screen.getByTestId('publisher-fold').hasAttribute('open')).toBe(true);
  });
});
