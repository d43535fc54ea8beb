import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { ReactNode, RefObject } from 'react';
import type { RowDisplay } from '../model/display';
import type { MatrixRow } from '../../../shared/matrixRow';
import { ONE_LINE } from './rowStyles';

interface Props {
  readonly row: MatrixRow;
  readonly display: RowDisplay;
  readonly open: boolean;
  /** The details panel the button opens. */
  readonly detailsId: string;
  readonly toggleRef: RefObject<HTMLButtonElement>;
  readonly onToggle: () => void;
  readonly onRemove: (reference: string) => void;
}

/** The repository's last component without tag or digest: "corpus/windows-entry:1.0" -> "windows-entry". */
function shortName(reference: string): string {
  const last = reference.split('/').pop() ?? reference;
  return last.replace(/@.*$/, '').replace(/:[^:]*$/, '') || reference;
}

/**
 * The image reference on one line, in small type: when it does not fit, the registry and path give
 * way first ("127.0.…windows-entry:1.0.0"), so the name and tag stay readable; only a last part longer
 * than the cell is cut itself. Whole in the title. There is no version column (the tag is in the
 * reference): the version the row's display gives follows only when the reference does not show it
 * (an implied ":latest").
 */
function Reference({ reference, version }: { readonly reference: string; readonly version?: string }): ReactNode {
  const slash = reference.lastIndexOf('/');
  const label = version !== undefined && !reference.includes(version) ? version : undefined;
  const sx = { fontFamily: 'monospace', fontSize: 11, lineHeight: 1.4 } as const;
  return (
    <Typography
      variant="caption"
      component="div"
      color="text.secondary"
      dir="ltr"
      title={reference}
      data-testid="row-reference"
      sx={{ ...sx, display: 'flex', minWidth: 0, overflow: 'hidden' }}
    >
      {slash > 0 && (
        <Box component="span" sx={{ ...ONE_LINE, flex: '0 1 auto', minWidth: '1.5ch' }}>
          {reference.slice(0, slash + 1)}
        </Box>
      )}
      <Box component="span" sx={{ ...ONE_LINE, flex: 'none', maxWidth: slash > 0 ? 'calc(100% - 1.5ch)' : '100%' }}>
        {reference.slice(slash + 1)}
      </Box>
      {label !== undefined && (
        <Box component="span" title={`Version: ${label}`} data-testid="row-version" sx={{ ...ONE_LINE, pl: 1 }}>
          {`· ${label}`}
        </Box>
      )}
    </Typography>
  );
}

/**
 * The name cell of a row: the details button, the icon, the extension's title (else its image's
 * short name) and its image reference below in smaller type, each on one line. Every label is plain text.
 */
export function ExtensionIdentity({ row, display, open, detailsId, toggleRef, onToggle, onRemove }: Props): ReactNode {
  const titled = display.title !== row.reference;
  const name = titled ? display.title : shortName(row.reference);
  const initial = /[a-z0-9]/i.exec(name)?.[0]?.toUpperCase() ?? '?';
  // A chip keeps its words but never takes more than 60 % of the line: the name always keeps the rest.
  const chip = { height: 18, fontSize: 11, flex: 'none', maxWidth: '60%' } as const;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 }}>
      {/*
        On hover only (keyboard users hear the button's name), above the button (below, it would cover the
        details it just opened), and never in the way of a click.
      */}
      <Tooltip title={open ? 'Hide details' : 'Show details'} placement="top" disableInteractive disableFocusListener>
        <IconButton
          ref={toggleRef}
          size="small"
          sx={{ p: 0.5, flex: 'none' }}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`${open ? 'Hide' : 'Show'} details of ${row.reference}`}
          onClick={onToggle}
        >
          <ExpandMoreIcon
            fontSize="small"
            sx={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }}
          />
        </IconButton>
      </Tooltip>
      <Avatar
        variant="rounded"
        alt=""
        src={display.icon}
        imgProps={{ referrerPolicy: 'no-referrer', loading: 'lazy' }}
        sx={{
          // Below 600 px (200 % zoom in the pane) the name needs the room more than the icon does.
          display: { xs: 'none', sm: 'flex' },
          width: 24,
          height: 24,
          fontSize: 13,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          flex: 'none',
        }}
      >
        {initial}
      </Avatar>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
          <Typography
            variant="body2"
            component="div"
            dir="auto"
            title={name}
            data-testid="row-name"
            sx={{ ...ONE_LINE, fontWeight: 500, lineHeight: 1.35, flex: '0 1 auto', minWidth: '3ch' }}
          >
            {name}
          </Typography>
          {row.isSelf && (
            <Chip
              size="small"
              color="primary"
              variant="outlined"
              label="This extension"
              title="This extension"
              data-testid="self"
              sx={chip}
            />
          )}
          {row.origin === 'typed' && <Chip size="small" variant="outlined" label="Typed" title="Typed" sx={chip} />}
        </Box>
        <Reference reference={row.reference} version={display.version} />
      </Box>
      {row.origin === 'typed' && (
        <Tooltip title="Remove this row" placement="top" disableInteractive disableFocusListener>
          <IconButton
            size="small"
            sx={{ p: 0.5, flex: 'none' }}
            aria-label={`Remove ${row.reference}`}
            onClick={() => onRemove(row.reference)}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  );
}
