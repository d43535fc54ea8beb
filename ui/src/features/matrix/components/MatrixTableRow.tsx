import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
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
import { shownVerdict } from '../../deepCheck/model/deepRow';
import { ExtensionIdentity } from './ExtensionIdentity';
import { FoldedPlatformsCell } from './FoldedPlatforms';
import { PlatformCell } from './PlatformCell';
import { RowDetails } from './RowDetails';
import { DETAILS_FIT, ONE_LINE, REASON_CELL } from './rowStyles';
import { pinnedCell } from './stickyCell';
import { VerdictBadge } from './VerdictBadge';
import { ThisMachineAnswer } from './ThisMachineAnswer';
import { useRowAnswer } from '../hooks/useRowAnswer';

interface Props {
  readonly row: MatrixRow;
  readonly layout: ColumnLayout;
  readonly hostKey: PlatformKey | undefined;
  /** Set when this row is to be shown to the user (just typed): it changes on each new request. */
  readonly highlight?: number;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

/**
 * One image on one line: its name (and image), its verdict, a one-line reason, a cell per platform;
 * the full text is in its details, one click away. Long text is cut with "…" and kept whole in a tooltip.
 */
export function MatrixTableRow({ row, layout, hostKey, highlight, onOpenLink, onCopy, onRemove }: Props): ReactNode {
  const [open, setOpen] = useState(false);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
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
  const highlighted = highlight !== undefined;
  useEffect(() => {
    // Each new request brings the row into view and moves focus to it (its details button). Rows
    // hold their place while checks run, so once is enough. jsdom has no scrollIntoView.
    const element = rowRef.current;
    if (highlight === undefined || element === null) return;
    if ('scrollIntoView' in element) element.scrollIntoView({ block: 'nearest' });
    toggleRef.current?.focus({ preventScroll: true });
  }, [highlight]);
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
          '& > td, & > th': { borderBottom: open ? 'none' : undefined, py: 0.5, px: 1 },
          // Highlighted: an outline, and the hover colour on the row itself (so hovering does not stack a
          // second tint: text keeps 4.5:1 in both themes).
          ...(highlighted
            ? { outline: 2, outlineColor: 'primary.main', outlineOffset: -2, bgcolor: 'action.hover' }
            : {}),
        }}
      >
        <TableCell component="th" scope="row" sx={pinnedCell('name')}>
          <ExtensionIdentity
            row={row}
            display={display}
            open={open}
            detailsId={detailsId}
            toggleRef={toggleRef}
            onToggle={() => setOpen((shown) => !shown)}
            onRemove={onRemove}
          />
        </TableCell>
        <TableCell sx={pinnedCell('verdict')}>
          {/* This machine's answer first, then the verdict: both chips on one line. When the cell is narrow (200 %
              zoom) the answer keeps its words and the verdict is the one cut with "…" (its full text is in the details). */}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
            <ThisMachineAnswer answer={answer} reason="none" />
            <Box sx={{ display: 'flex', minWidth: 0, flex: '0 1 auto' }}>
              <VerdictBadge verdict={verdict} />
            </Box>
          </Box>
        </TableCell>
        <TableCell sx={REASON_CELL}>
          {/* The short reason is this machine's; the verdict's own explanation is in the details. */}
          <Typography
            variant="caption"
            component="div"
            color="text.secondary"
            title={answer.reason}
            data-testid="row-reason"
            sx={ONE_LINE}
          >
            {answer.reason}
          </Typography>
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
          colSpan={columns.length + 3 + (hasFold ? 1 : 0)}
          sx={{ p: 0, borderBottom: open ? undefined : 'none' }}
        >
          {/* Pinned outside the Collapse: while it opens it hides its overflow, which would stop the pinning. */}
          <Box sx={DETAILS_FIT}>
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
          </Box>
        </TableCell>
      </TableRow>
    </>
  );
}
