import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictBadge } from '@ui/features/matrix/components/VerdictBadge';

afterEach(cleanup);

describe('VerdictBadge shows the deep check verdicts from the verdict table', () => {
  it.each([
    ['wrong-host-binary', 'Wrong host binary', 'MuiChip-colorError'],
    ['backend-missing-platforms', 'Backend missing platforms', 'MuiChip-colorWarning'],
  ] as const)('%s: its label and its colour', (verdict, label, colorClass) => {
    render(<VerdictBadge verdict={verdict} />);
    const badge = screen.getByTestId('verdict');
    expect(badge.getAttribute('data-verdict')).toBe(verdict);
    expect(badge.textContent).toBe(label);
    expect(badge.className).toContain(colorClass);
  });
});
