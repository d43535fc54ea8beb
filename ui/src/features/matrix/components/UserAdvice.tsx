import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RowDisplay } from '../model/display';

interface Props {
  /** The core's words for the image's user (result.userFix), when it has some. */
  readonly userFix?: string;
  readonly display: RowDisplay;
  readonly onOpenLink: (url: string) => void;
}

/**
 * For an installed third-party extension with a problem: what its user can do (the build command
 * below is the publisher's fix, not theirs).
 */
export function UserAdvice({ userFix, display, onOpenLink }: Props): ReactNode {
  const publisher = display.links.find((link) => link.title === 'Publisher');
  const who = display.vendor ?? 'its publisher';
  return (
    <Box data-testid="user-advice" sx={{ mt: 1 }}>
      <Typography variant="body2">
        {userFix === undefined
          ? 'What you can do: check for an update of this extension, or tell '
          : `What you can do: ${userFix.replace(/[.\s]+$/, '')}. Publisher: `}
        {publisher === undefined ? (
          who
        ) : (
          <Link
            component="button"
            type="button"
            variant="inherit"
            onClick={() => onOpenLink(publisher.url)}
            sx={{ verticalAlign: 'baseline' }}
          >
            {who}
          </Link>
        )}
        {userFix === undefined ? ' what is missing.' : ''}
      </Typography>
    </Box>
  );
}
