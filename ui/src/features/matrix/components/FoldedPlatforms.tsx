import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { ColumnSet } from '../model/view';

interface HeaderProps {
  readonly optional: readonly PlatformKey[];
  readonly columns: ColumnSet;
  readonly onColumns: (columns: ColumnSet) => void;
}

/** The last header cell: "+6 platforms" unfolds the optional columns, "Fewer platforms" folds them. */
export function FoldToggleHeader({ optional, columns, onColumns }: HeaderProps): ReactNode {
  if (optional.length === 0) return null;
  const folded = columns === 'required';
  return (
    <TableCell align="center" sx={{ px: 1, whiteSpace: 'nowrap' }}>
      <Button
        size="small"
        data-testid="fold-platforms"
        aria-expanded={!folded}
        onClick={() => onColumns(folded ? 'all' : 'required')}
        title={folded ? `Show ${optional.join(', ')}` : 'Show only linux/amd64, linux/arm64 and this machine'}
      >
        {folded ? `+${optional.length} platform${optional.length === 1 ? '' : 's'}` : 'Fewer platforms'}
      </Button>
    </TableCell>
  );
}

interface CellProps {
  /** The optional platforms this image publishes, folded away. */
  readonly published: readonly PlatformKey[];
  /** Whether the columns are folded: unfolded, the cell stays empty (the columns show it). */
  readonly folded: boolean;
}

/** In a folded row: how many of the folded platforms this image publishes (neutral: none is required). */
export function FoldedPlatformsCell({ published, folded }: CellProps): ReactNode {
  if (!folded || published.length === 0) return <TableCell data-folded-count={folded ? 0 : undefined} />;
  const label = `Also published for ${published.join(', ')}`;
  return (
    <TableCell align="center" data-folded-count={published.length} aria-label={label}>
      <Tooltip title={label} describeChild>
        <Typography component="span" variant="caption" color="text.secondary">{`+${published.length}`}</Typography>
      </Tooltip>
    </TableCell>
  );
}
