/** The name cell of a row (ui/src/features/matrix/components/ExtensionIdentity): one line of name, one of image. */
import { createRef } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtensionIdentity } from '@ui/features/matrix/components/ExtensionIdentity';
import { rowDisplay } from '@ui/features/matrix/model/display';
import type { MatrixRow } from '@ui/shared/matrixRow';

const local = (labels: Record<string, string>) => ({ id: 'sha256:1', repoTags: [], repoDigests: [], labels });

function identity(row: MatrixRow): void {
  render(
    <ExtensionIdentity
      row={row}
      display={rowDisplay(row)}
      open={false}
      detailsId="details"
      toggleRef={createRef<HTMLButtonElement>()}
      onToggle={() => undefined}
      onRemove={() => undefined}
    />,
  );
}

afterEach(cleanup);

describe('ExtensionIdentity', () => {
  it('shows the title, and the image with its tag in smaller type (no separate version)', () => {
    identity({
      reference: 'registry.example.com/team/extension:1.2.0',
      origin: 'installed',
      isSelf: false,
      status: 'pending',
      local: local({ 'org.opencontainers.image.title': 'My Extension', 'org.opencontainers.image.version': '1.2.0' }),
    });
    expect(screen.getByTestId('row-name').textContent).toBe('My Extension');
    expect(screen.getByTestId('row-name').getAttribute('dir')).toBe('auto');
    expect(screen.getByTestId('row-reference').textContent).toBe('registry.example.com/team/extension:1.2.0');
    expect(screen.getByTestId('row-reference').getAttribute('title')).toBe('registry.example.com/team/extension:1.2.0');
    expect(screen.queryByTestId('row-version')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Show details of registry.example.com/team/extension:1.2.0' }),
    ).toBeTruthy();
  });

  it("adds the version the old column showed when the reference does not (its implied tag), and names an untitled image by its repository's last part", () => {
    identity({
      reference: 'team/extension',
      origin: 'typed',
      isSelf: false,
      status: 'pending',
      local: local({ 'org.opencontainers.image.version': '3.1.4' }),
    });
    expect(screen.getByTestId('row-name').textContent).toBe('extension');
    expect(screen.getByTestId('row-version').textContent).toBe('· latest');
    expect(screen.getByRole('button', { name: 'Remove team/extension' })).toBeTruthy();
  });
});
