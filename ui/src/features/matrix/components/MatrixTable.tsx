import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import { VISUALLY_HIDDEN } from '../../../shared/visuallyHidden';
import type { ColumnLayout } from '../model/columns';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { ColumnSet, SortKey, ViewOptions } from '../model/view';
import { FoldToggleHeader } from './FoldedPlatforms';
import { MatrixTableRow } from './MatrixTableRow';
import { PlatformHeader } from './PlatformHeader';
import { STICKY_NAME_CELL } from './stickyCell';

interface Props {
  readonly rows: readonly MatrixRow[];
  readonly layout: ColumnLayout;
  readonly hostKey: PlatformKey | undefined;
  readonly view: ViewOptions;
  readonly busy: boolean;
  readonly emptyText: string;
  /** The typed row to scroll into view and highlight (just inspected). */
  readonly highlighted?: string;
  readonly onSort: (sort: SortKey) => void;
  readonly onColumns: (columns: ColumnSet) => void;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

/** The id the skip link points at: the table body, so the next Tab reaches the first row's details. */
export const MATRIX_ROWS_ID = 'matrix-rows';

function SortHeader({
  sort,
  view,
  onSort,
  children,
  sx,
}: {
  readonly sort: SortKey;
  readonly view: ViewOptions;
  readonly onSort: (sort: SortKey) => void;
  readonly children: ReactNode;
  readonly sx?: object;
}): ReactNode {
  const active = view.sort === sort;
  const direction = active ? view.direction : 'asc';
  return (
    <TableCell sortDirection={active ? view.direction : false} sx={sx}>
      <TableSortLabel active={active} direction={direction} onClick={() => onSort(sort)}>
        {children}
      </TableSortLabel>
    </TableCell>
  );
}

/** The matrix: one row per image, one column per platform. `data-testid="arch-matrix"` is a stable test hook. */
export function MatrixTable({
  rows,
  layout,
  hostKey,
  view,
  busy,
  emptyText,
  highlighted,
  onSort,
  onColumns,
  onOpenLink,
  onCopy,
  onRemove,
}: Props): ReactNode {
  const hasFold = layout.optional.length > 0;
  const width = layout.shown.length + 4 + (hasFold ? 1 : 0);
  return (
    <TableContainer
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        maxWidth: '100%',
        overflowX: 'auto',
        bgcolor: 'background.paper',
      }}
    >
      <Table size="small" data-testid="arch-matrix" aria-label="Architecture matrix" aria-busy={busy}>
        <TableHead>
          <TableRow>
            <TableCell padding="none" sx={{ width: 40 }}>
              <Box component="span" sx={VISUALLY_HIDDEN}>
                Details
              </Box>
            </TableCell>
            <SortHeader sort="name" view={view} onSort={onSort} sx={{ ...STICKY_NAME_CELL, zIndex: 3 }}>
              Extension
            </SortHeader>
            <TableCell>Version</TableCell>
            <SortHeader sort="verdict" view={view} onSort={onSort}>
              Verdict
            </SortHeader>
            {layout.shown.map((key) => (
              <PlatformHeader key={key} platform={key} isHost={key === hostKey} view={view} onSort={onSort} />
            ))}
            <FoldToggleHeader optional={layout.optional} columns={view.columns} onColumns={onColumns} />
          </TableRow>
        </TableHead>
        <TableBody id={MATRIX_ROWS_ID} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>
          {rows.map((row) => (
            <MatrixTableRow
              key={rowKey(row)}
              row={row}
              layout={layout}
              hostKey={hostKey}
              highlighted={row.origin === 'typed' && row.reference === highlighted}
              onOpenLink={onOpenLink}
              onCopy={onCopy}
              onRemove={onRemove}
            />
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={width}>
                <Typography variant="body2" color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
                  {emptyText}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
