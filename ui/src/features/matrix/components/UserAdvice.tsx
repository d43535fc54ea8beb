import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { FixLine } from '../../../shared/FixLine';
import type { RowDisplay } from '../model/display';
import type { WhatToDo } from '../model/userWords';

interface Props {
  readonly advice: WhatToDo;
  readonly display: RowDisplay;
  /** An installed extension: its publisher (from its labels) is named, with their page when there is one. */
  readonly installed: boolean;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
}

/**
 * What the person who installed the extension can do, in plain words; a command they can run (a login) in its
 * own copyable block, and the publisher to tell when the fix is theirs.
 */
export function UserAdvice({ advice, display, installed, onOpenLink, onCopy }: Props): ReactNode {
  const publisher = display.links.find((link) => link.title === 'Publisher');
  const showPublisher = installed && advice.tellPublisher && (display.vendor !== undefined || publisher !== undefined);
  const who = display.vendor ?? 'its publisher';
  return (
    <Box data-testid="user-advice" sx={{ mt: 1 }}>
      <Typography variant="body2">
        {`What you can do: ${advice.text}`}
        {showPublisher && ' Publisher: '}
        {showPublisher &&
          (publisher === undefined ? (
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
          ))}
      </Typography>
      {advice.command !== undefined && <FixLine fix={advice.command} onCopy={onCopy} caption="In a terminal:" />}
    </Box>
  );
}
