import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RowDisplay } from '../model/display';
import type { MatrixRow } from '../model/rows';

interface Props {
  readonly row: MatrixRow;
  readonly display: RowDisplay;
}

/** Icon, title and reference of a row. Every label is rendered as plain text. */
export function ExtensionIdentity({ row, display }: Props): ReactNode {
  const initial = display.title.trim().charAt(0).toUpperCase() || '?';
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" sx={{ minWidth: 0 }}>
      <Avatar
        variant="rounded"
        alt=""
        {...(display.icon === undefined ? {} : { src: display.icon })}
        imgProps={{ referrerPolicy: 'no-referrer', loading: 'lazy' }}
        sx={{ width: 32, height: 32, fontSize: 15, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        {initial}
      </Avatar>
      <Box sx={{ minWidth: 0 }}>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 0 }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
            {display.title}
          </Typography>
          {row.isSelf && <Chip size="small" color="primary" variant="outlined" label="This extension" data-testid="self" />}
          {row.origin === 'typed' && <Chip size="small" variant="outlined" label="Typed" />}
        </Stack>
        <Typography variant="caption" component="div" color="text.secondary" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {row.reference}
        </Typography>
      </Box>
    </Stack>
  );
}
