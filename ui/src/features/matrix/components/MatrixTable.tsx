import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import { rowKey, type MatrixRow, type RowOrigin } from '../../../shared/matrixRow';
import type { Highlight } from '../hooks/useMatrix';
import { useScrollCue } from '../hooks/useScrollCue';
import type { ColumnLayout } from '../model/columns';
import { tableMinWidth } from '../model/tableColumns';
import type { ColumnSet, SortKey, ViewOptions } from '../model/view';
import { CellLegend } from './CellLegend';
import { MatrixColumns, MatrixTableHead } from './MatrixTableHead';
import { MatrixTableRow } from './MatrixTableRow';

interface Props {
  readonly rows: readonly MatrixRow[];
  readonly layout: ColumnLayout;
  readonly hostKey: PlatformKey | undefined;
  readonly view: ViewOptions;
  readonly busy: boolean;
  readonly emptyText: string;
  /** Offered in the empty table when a filter hides every row: the way back. */
  readonly onShowAll?: () => void;
  /** The row just typed (or the installed row a typed reference names): scrolled to, highlighted, focused. */
  readonly highlight?: Highlight;
  readonly onSort: (sort: SortKey) => void;
  readonly onColumns: (columns: ColumnSet) => void;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

/** The id the skip link points at: the first group of rows, so the next Tab reaches the first row's details. */
export const MATRIX_ROWS_ID = 'matrix-rows';

const GROUP_HEADING: Record<RowOrigin, string> = {
  typed: 'Typed images (not counted in the summary)',
  installed: 'Installed extensions',
};

/**
 * The matrix: one row per image, one column per platform; the typed images first (right under the
 * field they were typed in), then the installed extensions. It scrolls sideways when the window is
 * too narrow, with the name and verdict pinned, a shadow and a fade at the edges, and a hint below.
 * `data-testid="arch-matrix"` is a stable test hook.
 */
export function MatrixTable({
  rows,
  layout,
  hostKey,
  view,
  busy,
  emptyText,
  onShowAll,
  highlight,
  ...rest
}: Props): ReactNode {
  const { attach, left, right, width: viewWidth } = useScrollCue();
  const hasFold = layout.optional.length > 0;
  const width = layout.shown.length + 3 + (hasFold ? 1 : 0);
  const typed = rows.filter((row) => row.origin === 'typed');
  const installed = rows.filter((row) => row.origin === 'installed');
  const groups = (typed.length > 0 ? (['typed', 'installed'] as const) : (['installed'] as const)).map((origin) => ({
    origin,
    rows: origin === 'typed' ? typed : installed,
  }));
  return (
    <Box>
      <Box sx={{ position: 'relative' }}>
        <TableContainer
          ref={attach}
          data-scrolled={left ? 'true' : 'false'}
          data-scrolls={left || right ? 'true' : 'false'}
          sx={{
            // The width on screen: a row's details and the empty table's words fit it, not the scrolling table.
            '--matrix-view-width': viewWidth === undefined ? '100%' : `${viewWidth}px`,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            overflowX: 'auto',
            bgcolor: 'background.paper',
          }}
        >
          <Table
            size="small"
            data-testid="arch-matrix"
            aria-label="Architecture matrix"
            aria-busy={busy}
            sx={{ tableLayout: 'fixed', width: '100%', minWidth: tableMinWidth(layout.shown.length, hasFold) }}
          >
            <MatrixColumns layout={layout} />
            <MatrixTableHead
              layout={layout}
              hostKey={hostKey}
              view={view}
              onSort={rest.onSort}
              onColumns={rest.onColumns}
            />
            {groups.map((group, index) => (
              <TableBody
                key={group.origin}
                id={index === 0 ? MATRIX_ROWS_ID : undefined}
                tabIndex={index === 0 ? -1 : undefined}
                data-group={group.origin}
                sx={{ '&:focus': { outline: 'none' } }}
              >
                {groups.length > 1 && (
                  <TableRow>
                    <TableCell
                      component="th"
                      scope="rowgroup"
                      colSpan={width}
                      sx={{ py: 0.5, bgcolor: 'action.hover' }}
                    >
                      <Typography
                        variant="caption"
                        sx={{ display: 'inline-block', position: 'sticky', left: 8, fontWeight: 600 }}
                      >
                        {`${GROUP_HEADING[group.origin]} · ${group.rows.length}`}
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
                {group.rows.map((row) => (
                  <MatrixTableRow
                    key={rowKey(row)}
                    row={row}
                    layout={layout}
                    hostKey={hostKey}
                    highlight={highlight?.key === rowKey(row) ? highlight.serial : undefined}
                    onOpenLink={rest.onOpenLink}
                    onCopy={rest.onCopy}
                    onRemove={rest.onRemove}
                  />
                ))}
              </TableBody>
            ))}
            {rows.length === 0 && (
              <TableBody>
                <TableRow>
                  <TableCell colSpan={width}>
                    <Box
                      sx={{ position: 'sticky', left: 0, width: 'var(--matrix-view-width)', maxWidth: '100%', py: 1.5 }}
                    >
                      <Typography
                        variant="body2"
                        color="text.secondary"
                        sx={{ textAlign: 'center' }}
                        data-testid="empty"
                      >
                        {emptyText}
                      </Typography>
                      {onShowAll !== undefined && (
                        <Box sx={{ textAlign: 'center', mt: 0.5 }}>
                          <Button size="small" onClick={onShowAll} data-testid="empty-show-all">
                            Show all
                          </Button>
                        </Box>
                      )}
                    </Box>
                  </TableCell>
                </TableRow>
              </TableBody>
            )}
          </Table>
        </TableContainer>
        {right && (
          <Box
            aria-hidden
            data-testid="scroll-fade"
            sx={(theme) => ({
              position: 'absolute',
              top: 1,
              bottom: 1,
              right: 1,
              width: 32,
              pointerEvents: 'none',
              borderTopRightRadius: 4,
              borderBottomRightRadius: 4,
              background: `linear-gradient(to right, transparent, ${theme.palette.background.paper})`,
            })}
          />
        )}
      </Box>
      <CellLegend scrolls={left || right} />
    </Box>
  );
}
