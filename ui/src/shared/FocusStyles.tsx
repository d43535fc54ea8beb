import GlobalStyles from '@mui/material/GlobalStyles';
import type { ReactNode } from 'react';

/**
 * A visible keyboard focus on every control. MUI's ButtonBase draws focus with its ripple, which the
 * themes turn off (and sets outline: 0): put an outline in its place, in the theme's primary colour.
 */
export function FocusStyles(): ReactNode {
  return (
    <GlobalStyles
      styles={(theme) => ({
        '.MuiButtonBase-root.Mui-focusVisible, a:focus-visible, [role="button"]:focus-visible': {
          outline: `2px solid ${theme.palette.primary.main}`,
          outlineOffset: 2,
        },
      })}
    />
  );
}
