import Box from '@mui/material/Box';
import type { MouseEvent, ReactNode } from 'react';

interface Props {
  /** The id of the element to move focus to (it needs tabIndex -1). */
  readonly target: string;
  readonly children: ReactNode;
}

/**
 * The first stop of the page, shown only when focused: moves focus past the controls (the next Tab
 * reaches the first row). Focus moves by script so the address bar's fragment is left alone.
 */
export function SkipLink({ target, children }: Props): ReactNode {
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    document.getElementById(target)?.focus();
  };
  return (
    <Box
      component="a"
      href={`#${target}`}
      onClick={skip}
      data-testid="skip-link"
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 10,
        px: 1.5,
        py: 1,
        bgcolor: 'background.paper',
        color: 'primary.main',
        border: 1,
        borderColor: 'primary.main',
        borderRadius: 1,
        '&:focus': { top: 8 },
      }}
    >
      {children}
    </Box>
  );
}
