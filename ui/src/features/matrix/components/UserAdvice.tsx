import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RowDisplay } from '../model/display';

interface Props {
  readonly display: RowDisplay;
  readonly onOpenLink: (url: string) => void;
}

/**
 * For an installed third-party extension with a problem: what its user can do (the build command
 * below is the publisher's fix, not theirs).
 */
export function UserAdvice({ display, onOpenLink }: Props): ReactNode {
  const publisher = display.links.find((link) => link.title === 'Publisher');
  const who = display.vendor ?? 'its publisher';
  return (
    <Box data-testid="user-advice" sx={{ mt: 1 }}>
      <Typography variant="body2">
        {'What you can do: check for an update of this extension, or tell '}
        {publisher === undefined ? (
          who
        ) : (
          <Link component="button" type="button" variant="inherit" onClick={() => onOpenLink(publisher.url)} sx={{ verticalAlign: 'baseline' }}>
            {who}
          </Link>
        )}
        {' what is missing.'}
      </Typography>
    </Box>
  );
}
