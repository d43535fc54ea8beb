import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@ui/app/App';
import { R, corpusClient, freshTabPerTest } from '../../support/hookHarness';

function clipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

async function openFixOf(reference: string): Promise<HTMLElement> {
  await waitFor(
    () => expect(document.querySelector(`tr[data-image="${reference}"] [data-verdict="incompatible"]`)).not.toBeNull(),
    { timeout: 20_000 },
  );
  fireEvent.click(screen.getByRole('button', { name: `Show details of ${reference}` }));
  const details = await screen.findByTestId('row-details');
  return details;
}

freshTabPerTest();
afterEach(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));

describe('"Copy the fix" in a row\'s details (recorded corpus, host arm64)', { timeout: 60_000 }, () => {
  it('copies the fix shown, exactly, and says so', async () => {
    const copied: string[] = [];
    clipboard(async (text) => void copied.push(text));
    const { record } = corpusClient();
    render(<App />);
    const details = await openFixOf(R('amd64-only'));
    const fix = within(details).getByTestId('fix').textContent ?? '';
    expect(fix).toContain('--platform=linux/amd64,linux/arm64');
    fireEvent.click(within(details).getByRole('button', { name: 'Copy the fix' }));
    await waitFor(() => expect(copied).toEqual([fix]));
    await waitFor(() =>
      expect(record.toasts).toContainEqual({ level: 'success', message: 'Copied to the clipboard.' }),
    );
  });

  it('says so when the clipboard refuses, and when there is none', async () => {
    const { record } = corpusClient();
    render(<App />);
    const details = await openFixOf(R('amd64-only'));
    fireEvent.click(within(details).getByRole('button', { name: 'Copy the fix' }));
    await waitFor(() =>
      expect(record.toasts).toContainEqual({ level: 'error', message: 'The clipboard is not available here.' }),
    );
    clipboard(() => Promise.reject(new Error('denied')));
    fireEvent.click(within(details).getByRole('button', { name: 'Copy the fix' }));
    await waitFor(() =>
      expect(record.toasts).toContainEqual({ level: 'error', message: 'Could not copy to the clipboard.' }),
    );
  });
});
