import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import type { RowDisplay } from '../model/display';
import type { MatrixRow } from '../../../shared/matrixRow';

interface Props {
  readonly row: MatrixRow;
  readonly display: RowDisplay;
}

/** The reference as text, with line-break opportunities after each "/" so long names wrap between components. */
function Reference({ text }: { readonly text: string }): ReactNode {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

/** Icon, title and reference of a row. Every label is rendered as plain text. */
export function ExtensionIdentity({ row, display }: Props): ReactNode {
  const titled = display.title !== row.reference;
  // Without a title label, the letter of the repository's last component ("corpus/windows-entry" -> W).
  const name = titled ? display.title : (row.reference.split('/').pop() ?? row.reference);
  const initial = /[a-z0-9]/i.exec(name)?.[0]?.toUpperCase() ?? '?';
  return (
    <Stack direction="row" spacing={1.5} alignItems="center">
      <Avatar
        variant="rounded"
        alt=""
        src={display.icon}
        imgProps={{ referrerPolicy: 'no-referrer', loading: 'lazy' }}
        sx={{ width: 32, height: 32, fontSize: 15, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        {initial}
      </Avatar>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography
          variant="body2"
          component="div"
          sx={{
            fontWeight: 500,
            overflowWrap: 'anywhere',
            ...(titled ? {} : { fontFamily: 'monospace', fontSize: 12 }),
          }}
        >
          {titled ? display.title : <Reference text={row.reference} />}
        </Typography>
        {titled && (
          <Typography
            variant="caption"
            component="div"
            color="text.secondary"
            sx={{ fontFamily: 'monospace', fontSize: 11, lineHeight: 1.4, overflowWrap: 'anywhere' }}
          >
            <Reference text={row.reference} />
          </Typography>
        )}
        {(row.isSelf || row.origin === 'typed') && (
          <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
            {row.isSelf && (
              <Chip size="small" color="primary" variant="outlined" label="This extension" data-testid="self" />
            )}
            {row.origin === 'typed' && <Chip size="small" variant="outlined" label="Typed" />}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
