import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import { cellState } from '../model/cells';
import type { ColumnLayout } from '../model/columns';
import { isRequiredPlatform } from '../model/columns';
import { rowDetails } from '../model/details';
import { rowDisplay } from '../model/display';
import { rowVerdict } from '../model/rows';
import type { MatrixRow } from '../../../shared/matrixRow';
import { DeepRowLine } from '../../deepCheck/components/DeepRowLine';
import { useDeepRow } from '../../deepCheck/hooks/DeepCheckContext';
import { rowExplanation, shownVerdict } from '../../deepCheck/model/deepRow';
import { ExtensionIdentity } from './ExtensionIdentity';
import { FoldedPlatformsCell } from './FoldedPlatforms';
import { PlatformCell } from './PlatformCell';
import { RowDetails } from './RowDetails';
import { STICKY_NAME_CELL } from './stickyCell';
import { VerdictBadge } from './VerdictBadge';
import { ThisMachineAnswer } from './ThisMachineAnswer';
import { useRowAnswer } from '../hooks/useRowAnswer';

interface Props {
  readonly row: MatrixRow;
  readonly layout: ColumnLayout;
  readonly hostKey: PlatformKey | undefined;
  /** Just typed and inspected: scrolled into view and highlighted. */
  readonly highlighted: boolean;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

/** One image: identity, version, a cell per platform, the verdict, and its details one click away. */
export function MatrixTableRow({ row, layout, hostKey, highlighted, onOpenLink, onCopy, onRemove }: Props): ReactNode {
  const [open, setOpen] = useState(false);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const columns = layout.shown;
  const hasFold = layout.optional.length > 0;
  const foldedPublished = layout.folded.filter((key) => cellState(row, key) === 'yes');
  const detailsId = useId();
  const display = useMemo(() => rowDisplay(row), [row]);
  const details = useMemo(() => (open ? rowDetails(row) : undefined), [open, row]);
  const deep = useDeepRow(row);
  const answer = useRowAnswer(row);
  // The deep check's verdict shows in the same badge when it is worse than the platform verdict.
  const verdict = row.result === undefined ? rowVerdict(row) : shownVerdict(row.result.verdict, deep?.state);
  const busy = row.status !== 'done';
  // When the deep finding is the verdict, the deep line below the badge says it (which OS and CPU).
  const explanation = row.result === undefined ? undefined : rowExplanation(row.result, deep?.state);
  useEffect(() => {
    const element = rowRef.current;
    // Rows are ordered by verdict: a just-typed row moves when its verdict (platform, then deep) lands,
    // so it is brought into view again each time. At once, not smoothly: a smooth scroll aims at where
    // the row was when it started, and rows above that grow meanwhile (their deep lines arriving) leave
    // it out of view; once there, the browser's scroll anchoring keeps it there. jsdom has no scrollIntoView.
    if (highlighted && element !== null && 'scrollIntoView' in element) element.scrollIntoView({ block: 'center' });
  }, [highlighted, verdict]);
  return (
    <>
      <TableRow
        ref={rowRef}
        data-image={row.reference}
        data-origin={row.origin}
        data-this-machine={answer.answer}
        data-highlighted={highlighted ? 'true' : undefined}
        aria-busy={busy}
        hover
        sx={{
          '& > td, & > th': { borderBottom: open ? 'none' : undefined },
          ...(highlighted
            ? {
                outline: 2,
                outlineColor: 'primary.main',
                outlineOffset: -2,
                '& > td, & > th': { bgcolor: 'action.selected', borderBottom: open ? 'none' : undefined },
              }
            : {}),
        }}
      >
        <TableCell padding="none" sx={{ pl: 1, width: 40 }}>
          <Tooltip title={open ? 'Hide details' : 'Show details'}>
            <IconButton
              size="small"
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={`${open ? 'Hide' : 'Show'} details of ${row.reference}`}
              onClick={() => setOpen((shown) => !shown)}
            >
              <ExpandMoreIcon
                fontSize="small"
                sx={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }}
              />
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
        <TableCell component="th" scope="row" sx={{ ...STICKY_NAME_CELL, minWidth: 200, maxWidth: 300 }}>
          <ExtensionIdentity row={row} display={display} />
        </TableCell>
        <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>
          {display.version ?? ''}
        </TableCell>
        <TableCell sx={{ width: 200, minWidth: 170, maxWidth: 200 }}>
          <ThisMachineAnswer answer={answer} />
          <VerdictBadge verdict={verdict} />
          {explanation !== undefined && (
            <Typography
              variant="caption"
              component="div"
              color="text.secondary"
              title={explanation}
              data-testid="row-explanation"
              sx={{
                mt: 0.5,
                lineHeight: 1.35,
                overflowWrap: 'anywhere',
                display: '-webkit-box',
                WebkitLineClamp: 3,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
              }}
            >
              {explanation}
            </Typography>
          )}
          <DeepRowLine row={row} />
        </TableCell>
        {columns.map((key) => (
          <PlatformCell
            key={key}
            platform={key}
            state={cellState(row, key)}
            required={isRequiredPlatform(key, hostKey)}
            isHost={key === hostKey}
          />
        ))}
        {hasFold && <FoldedPlatformsCell published={foldedPublished} folded={layout.folded.length > 0} />}
      </TableRow>
      <TableRow>
        <TableCell
          colSpan={columns.length + 4 + (hasFold ? 1 : 0)}
          sx={{ py: 0, borderBottom: open ? undefined : 'none' }}
        >
          <Collapse in={open} timeout="auto" unmountOnExit>
            {details !== undefined && (
              <RowDetails
                id={detailsId}
                row={row}
                display={display}
                details={details}
                onOpenLink={onOpenLink}
                onCopy={onCopy}
              />
            )}
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
