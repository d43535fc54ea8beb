import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { MatrixRow } from '../model/rows';
import type { SortKey, ViewOptions } from '../model/view';
import { MatrixTableRow } from './MatrixTableRow';
import { PlatformHeader } from './PlatformHeader';

interface Props {
  readonly rows: readonly MatrixRow[];
  readonly columns: readonly PlatformKey[];
  readonly hostKey: PlatformKey | undefined;
  readonly view: ViewOptions;
  readonly busy: boolean;
  readonly emptyText: string;
  readonly onSort: (sort: SortKey) => void;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
  readonly onRemove: (reference: string) => void;
}

function SortHeader({ sort, view, onSort, children }: { readonly sort: SortKey; readonly view: ViewOptions; readonly onSort: (sort: SortKey) => void; readonly children: ReactNode }): ReactNode {
  const active = view.sort === sort;
  return (
    <TableSortLabel active={active} direction={active ? view.direction : 'asc'} onClick={() => onSort(sort)}>
      {children}
    </TableSortLabel>
  );
}

/** The matrix: one row per image, one column per platform. `data-testid="arch-matrix"` is a stable test hook. */
export function MatrixTable({ rows, columns, hostKey, view, busy, emptyText, onSort, onOpenLink, onCopy, onRemove }: Props): ReactNode {
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" data-testid="arch-matrix" aria-label="Architecture matrix" aria-busy={busy}>
        <TableHead>
          <TableRow>
            <TableCell padding="none" sx={{ position: 'relative', width: 40 }}>
              <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
                Details
              </Box>
            </TableCell>
            <TableCell>
              <SortHeader sort="name" view={view} onSort={onSort}>
                Extension
              </SortHeader>
            </TableCell>
            <TableCell>Version</TableCell>
            <TableCell>
              <SortHeader sort="verdict" view={view} onSort={onSort}>
                Verdict
              </SortHeader>
            </TableCell>
            {columns.map((key) => (
              <PlatformHeader key={key} platform={key} isHost={key === hostKey} view={view} onSort={onSort} />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <MatrixTableRow
              key={`${row.origin}:${row.reference}`}
              row={row}
              columns={columns}
              hostKey={hostKey}
              onOpenLink={onOpenLink}
              onCopy={onCopy}
              onRemove={onRemove}
            />
          ))}
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length + 4}>
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
