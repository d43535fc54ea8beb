import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlatformCell } from '@ui/features/matrix/components/PlatformCell';

const cell = (platform: string, state: 'yes' | 'no' | 'unknown' | 'pending', required: boolean): HTMLElement => {
  const { container } = render(
    <table>
      <tbody>
        <tr>
          <PlatformCell platform={platform} state={state} required={required} isHost={false} />
        </tr>
      </tbody>
    </table>,
  );
  const td = container.querySelector('td');
  if (td === null) throw new Error('no cell');
  return td;
};

describe('PlatformCell', () => {
  it('is red only for a missing required platform', () => {
    const required = cell('linux/arm64', 'no', true);
    expect(required.getAttribute('data-required')).toBe('true');
    expect(required.querySelector('svg')?.getAttribute('class')).toMatch(/MuiSvgIcon-colorError/);
    expect(required.getAttribute('aria-label')).toBe('linux/arm64: not published (required)');

    const optional = cell('linux/386', 'no', false);
    expect(optional.getAttribute('data-required')).toBe('false');
    expect(optional.getAttribute('data-state')).toBe('no');
    expect(optional.querySelector('svg')?.getAttribute('class')).not.toMatch(/MuiSvgIcon-colorError/);
    expect(optional.getAttribute('aria-label')).toBe('linux/386: not published');
  });

  it('puts no aria-label on the plain span inside (the cell itself is named)', () => {
    const td = cell('linux/amd64', 'yes', true);
    expect(td.querySelector('span[aria-label]')).toBeNull();
    expect(td.getAttribute('aria-label')).toBe('linux/amd64: published');
  });
});
