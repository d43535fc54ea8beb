import Box from '@mui/material/Box';
import TableCell from '@mui/material/TableCell';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import { VISUALLY_HIDDEN } from '../../../shared/visuallyHidden';
import type { SortKey, ViewOptions } from '../model/view';

interface Props {
  readonly platform: PlatformKey;
  readonly isHost: boolean;
  readonly view: ViewOptions;
  readonly onSort: (sort: SortKey) => void;
}

/**
 * A compact column header: the OS small, the architecture below it, "this machine" on the user's platform.
 * The sort button's name is its visible text ("linux/amd64": the "/" is there for screen readers only);
 * "this machine" is inside the button, so its focus ring goes round it instead of through it.
 */
export function PlatformHeader({ platform, isHost, view, onSort }: Props): ReactNode {
  const slash = platform.indexOf('/');
  const os = slash === -1 ? '' : platform.slice(0, slash);
  const arch = slash === -1 ? platform : platform.slice(slash + 1);
  const sort: SortKey = `platform:${platform}`;
  const active = view.sort === sort;
  return (
    <TableCell
      align="center"
      data-column={platform}
      sortDirection={active ? view.direction : false}
      sx={{
        px: 0.5,
        bgcolor: isHost ? 'action.hover' : undefined,
        // The arrow takes room only on the sorted column, so "this machine" fits on one line.
        '& .MuiTableSortLabel-icon': { mx: 0 },
        '& .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' },
      }}
    >
      <TableSortLabel active={active} direction={active ? view.direction : 'asc'} onClick={() => onSort(sort)}>
        <Box
          component="span"
          sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center', lineHeight: 1.2 }}
        >
          <Typography variant="caption" component="span" color="text.secondary" sx={{ lineHeight: 1.2 }}>
            {os}
            {os !== '' && (
              <Box component="span" sx={VISUALLY_HIDDEN}>
                /
              </Box>
            )}
          </Typography>
          <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12, fontWeight: 600, whiteSpace: 'nowrap' }}>
            {arch}
          </Box>
          {isHost && (
            <Typography
              variant="caption"
              component="span"
              color="primary"
              data-testid="this-machine"
              sx={{ fontWeight: 600, fontSize: 11, lineHeight: 1.2, whiteSpace: 'nowrap' }}
            >
              this machine
            </Typography>
          )}
        </Box>
      </TableSortLabel>
    </TableCell>
  );
}
