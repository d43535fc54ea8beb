/** The deep check's DOM: the row's line and the details' host-binary grid with its data-* hooks. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeepDetails } from '@ui/features/deepCheck/components/DeepDetails';
import { DeepRowLine } from '@ui/features/deepCheck/components/DeepRowLine';
import { DeepCheckProvider } from '@ui/features/deepCheck/hooks/DeepCheckContext';
import type { DeepCheckController } from '@ui/features/deepCheck/hooks/useDeepCheck';
import { rowKey } from '@ui/shared/matrixRow';
import { parseDeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import { judgedResult } from '@ui/features/deepCheck/model/judgedRows';
import type { DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { doneRow, windowsWarningRow, wrongHostBinaryRow } from '../../../support/deepRows.js';

const row = doneRow('127.0.0.1:5100/deep/wrong-host-binary:1.0.0');
const findings = parseDeepFindings(wrongHostBinaryRow);

function controller(state: DeepRowState): DeepCheckController {
  return {
    states: new Map([[rowKey(row), state]]),
    stop: vi.fn(),
    retry: vi.fn(),
    readOthers: vi.fn(),
    readFromRegistry: vi.fn(),
    stopAll: vi.fn(),
  };
}

afterEach(cleanup);

describe('deep check components', () => {
  it('the row line names the OS and CPU a wrong binary hits', () => {
    if (findings === undefined) throw new Error('fixture must parse');
    render(
      <DeepCheckProvider value={controller({ kind: 'done', findings, remembered: false })}>
        <DeepRowLine row={row} />
      </DeepCheckProvider>,
    );
    const line = screen.getByTestId('deep-line');
    expect(line.getAttribute('data-deep-state')).toBe('done');
    expect(line.textContent).toContain(
      'macOS on arm64 (Apple silicon) (linux/arm64 variant): /darwin/tool is x86_64, needs arm64',
    );
  });

  it('the details show one element per host binary and variant with the DOM hooks and the backend images; the fix is the publisher part’s', () => {
    if (findings === undefined) throw new Error('fixture must parse');
    const { container } = render(
      <DeepCheckProvider value={controller({ kind: 'done', findings, remembered: false })}>
        <DeepDetails row={row} />
      </DeepCheckProvider>,
    );
    const cells = [...container.querySelectorAll('[data-host-binary]')].map((el) => [
      el.getAttribute('data-host-binary'),
      el.getAttribute('data-image'),
      el.getAttribute('data-os'),
      el.getAttribute('data-platform'),
      el.getAttribute('data-state'),
    ]);
    expect(cells).toEqual([
      ['/darwin/tool', row.reference, 'darwin', 'linux/amd64', 'ok'],
      ['/darwin/tool', row.reference, 'darwin', 'linux/arm64', 'wrong-cpu'],
      ['/linux/tool', row.reference, 'linux', 'linux/arm64', 'ok'],
    ]);
    expect(container.querySelector('[data-backend-image="127.0.0.1:5100/deep/backend:1.0.0"]')?.textContent).toContain(
      'linux/amd64, linux/arm64',
    );
    // The fix is said once, under "For the publisher" (RowDetails), not here.
    expect(screen.queryByTestId('fix')).toBeNull();
    // Chips say the state in words, as badges do; the code stays in data-state.
    const chips = [...container.querySelectorAll('[data-host-binary] .MuiChip-label')].map((el) => el.textContent);
    expect(chips).toEqual(['OK', 'Wrong CPU', 'OK']);
    expect(container.querySelector('[data-backend-image]')?.textContent).toContain('· Ready');
  });

  it('when the deep verdict is the row\'s verdict, its explanation and fix are not said again in "Inside each variant"', () => {
    if (findings === undefined || row.result === undefined) throw new Error('fixture must parse');
    const state: DeepRowState = { kind: 'done', findings, remembered: false };
    const judged = { ...row, result: judgedResult(row.result, state) };
    expect(judged.result.verdict).toBe('wrong-host-binary');
    const { container } = render(
      <DeepCheckProvider value={controller(state)}>
        <DeepDetails row={judged} />
      </DeepCheckProvider>,
    );
    const message = screen.getByTestId('deep-message');
    expect(message.getAttribute('data-told-above')).toBe('true');
    expect(message.textContent).not.toContain(findings.message);
    expect(screen.queryByTestId('fix')).toBeNull();
    expect(container.querySelectorAll('[data-host-binary]')).toHaveLength(3);
  });

  it('shows progress and a Stop button while reading, and Retry when the backend is down', () => {
    const running = controller({ kind: 'running', bytesRead: 2 * 1024 * 1024, bytesTotal: 8 * 1024 * 1024 });
    const { unmount } = render(
      <DeepCheckProvider value={running}>
        <DeepRowLine row={row} />
      </DeepCheckProvider>,
    );
    expect(screen.getByTestId('deep-line').textContent).toContain('2.0 MiB of 8.0 MiB read');
    fireEvent.click(screen.getByRole('button', { name: `Stop the inside check of ${row.reference}` }));
    expect(running.stop).toHaveBeenCalledWith(rowKey(row));
    unmount();
    const down = controller({ kind: 'backend-down', message: 'no answer within 15 s' });
    render(
      <DeepCheckProvider value={down}>
        <DeepRowLine row={row} />
      </DeepCheckProvider>,
    );
    expect(screen.getByTestId('deep-line').textContent).toContain('Backend down or slow: no answer within 15 s');
    fireEvent.click(screen.getByRole('button', { name: `Retry the inside check of ${row.reference}` }));
    expect(down.retry).toHaveBeenCalledWith(rowKey(row));
  });

  it('a Windows binary for x86_64 in the linux/arm64 variant is a warning chip, never an error, and not in the row line', () => {
    const warned = parseDeepFindings(windowsWarningRow);
    if (warned === undefined) throw new Error('fixture must parse');
    const { container } = render(
      <DeepCheckProvider value={controller({ kind: 'done', findings: warned, remembered: false })}>
        <DeepRowLine row={row} />
        <DeepDetails row={row} />
      </DeepCheckProvider>,
    );
    const cell = container.querySelector('[data-host-binary="/windows/tool.exe"][data-platform="linux/arm64"]');
    expect(cell?.textContent).toContain('Wrong CPU (warning)');
    expect(cell?.getAttribute('data-state')).toBe('wrong-cpu');
    expect(cell?.querySelector('.MuiChip-colorWarning')).not.toBeNull();
    expect(container.querySelector('.MuiChip-colorError')).toBeNull();
    expect(screen.getByTestId('deep-line').textContent).toBe(
      'Checked inside: helpers right for linux/amd64 and linux/arm64',
    );
  });
});
