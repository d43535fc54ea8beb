import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { ColumnLayout } from '../model/columns';
import { COLUMN_WIDTHS } from '../model/tableColumns';
import type { Breakpoint } from '../model/tableColumns';
import type { ColumnSet, SortKey, ViewOptions } from '../model/view';
import { FoldToggleHeader } from './FoldedPlatforms';
import { PlatformHeader } from './PlatformHeader';
import { pinnedCell } from './stickyCell';

const widths = (column: keyof typeof COLUMN_WIDTHS): { width: Readonly<Record<Breakpoint, number>> } => ({
  width: COLUMN_WIDTHS[column],
});

/** The fixed widths of the columns (the reason column takes the rest): they never move with the rows' text. */
export function MatrixColumns({ layout }: { readonly layout: ColumnLayout }): ReactNode {
  return (
    <colgroup>
      <Box component="col" sx={widths('name')} />
      <Box component="col" sx={widths('verdict')} />
      <col />
      {layout.shown.map((key) => (
        <Box component="col" key={key} sx={widths('platform')} />
      ))}
      {layout.optional.length > 0 && <Box component="col" sx={widths('fold')} />}
    </colgroup>
  );
}

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
  readonly sx?: SxProps<Theme>;
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

interface Props {
  readonly layout: ColumnLayout;
  readonly hostKey: PlatformKey | undefined;
  readonly view: ViewOptions;
  readonly onSort: (sort: SortKey) => void;
  readonly onColumns: (columns: ColumnSet) => void;
}

/** The header row: the pinned name and verdict, the reason, one column per platform, the fold toggle. */
export function MatrixTableHead({ layout, hostKey, view, onSort, onColumns }: Props): ReactNode {
  return (
    <TableHead>
      <TableRow>
        <SortHeader sort="name" view={view} onSort={onSort} sx={pinnedCell('name', true)}>
          Extension
        </SortHeader>
        <SortHeader sort="verdict" view={view} onSort={onSort} sx={pinnedCell('verdict', true)}>
          This machine · Verdict
        </SortHeader>
        <TableCell>Reason</TableCell>
        {layout.shown.map((key) => (
          <PlatformHeader key={key} platform={key} isHost={key === hostKey} view={view} onSort={onSort} />
        ))}
        <FoldToggleHeader optional={layout.optional} columns={view.columns} onColumns={onColumns} />
      </TableRow>
    </TableHead>
  );
}
