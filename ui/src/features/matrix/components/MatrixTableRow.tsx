import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import { cellState } from '../model/cells';
import { rowDetails } from '../model/details';
import { rowDisplay } from '../model/display';
import { rowVerdict } from '../model/rows';
import type { MatrixRow } from '../model/rows';
import { DeepRowLine } from '../../deep/components/DeepRowLine';
import { useDeepRow } from '../../deep/hooks/DeepCheckContext';
import { shownVerdict } from '../../deep/model/deepRow';
import { ExtensionIdentity } from './ExtensionIdentity';
import { PlatformCell } from './PlatformCell';
import { RowDetails } from './RowDetails';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  readonly row: MatrixRow;
  readonly columns: readonly PlatformKey[];
  readonly hostKey: PlatformKey | undefined;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

/** One image: identity, version, a cell per platform, the verdict, and its details one click away. */
export function MatrixTableRow({ row, columns, hostKey, onOpenLink, onCopy, onRemove }: Props): ReactNode {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const display = useMemo(() => rowDisplay(row), [row]);
  const details = useMemo(() => (open ? rowDetails(row) : undefined), [open, row]);
  const deep = useDeepRow(row);
  // The deep check's verdict shows in the same badge when it is worse than the platform verdict.
  const verdict = row.result === undefined ? rowVerdict(row) : shownVerdict(row.result.verdict, deep?.state);
  const busy = row.status !== 'done';
  return (
    <>
      <TableRow data-image={row.reference} data-origin={row.origin} aria-busy={busy} hover sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell padding="none" sx={{ pl: 1, width: 40 }}>
          <Tooltip title={open ? 'Hide details' : 'Show details'}>
            <IconButton
              size="small"
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={`${open ? 'Hide' : 'Show'} details of ${row.reference}`}
              onClick={() => setOpen((shown) => !shown)}
            >
              <ExpandMoreIcon fontSize="small" sx={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }} />
            </IconButton>
          </Tooltip>
          {row.origin === 'typed' && (
            <Tooltip title="Remove this row">
              <IconButton size="small" aria-label={`Remove ${row.reference}`} onClick={() => onRemove(row.reference)}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </TableCell>
        <TableCell sx={{ minWidth: 230, maxWidth: 320 }}>
          <ExtensionIdentity row={row} display={display} />
        </TableCell>
        <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>{display.version ?? ''}</TableCell>
        <TableCell sx={{ width: 210, minWidth: 170 }}>
          <VerdictBadge verdict={verdict} />
          {row.result !== undefined && (
            <Typography
              variant="caption"
              component="div"
              color="text.secondary"
              title={row.result.explanation}
              sx={{ mt: 0.5, lineHeight: 1.35, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
            >
              {row.result.explanation}
            </Typography>
          )}
          <DeepRowLine row={row} />
        </TableCell>
        {columns.map((key) => (
          <PlatformCell key={key} platform={key} state={cellState(row, key)} isHost={key === hostKey} />
        ))}
      </TableRow>
      <TableRow>
        <TableCell colSpan={columns.length + 4} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            {details !== undefined && <RowDetails id={detailsId} row={row} display={display} details={details} onOpenLink={onOpenLink} onCopy={onCopy} />}
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
