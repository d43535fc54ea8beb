import TableCell from '@mui/material/TableCell';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { CellState } from '../model/cells';

const WORDS: Record<CellState, string> = {
  yes: 'published',
  no: 'not published',
  unknown: 'unknown: the registry did not say',
  pending: 'inspecting',
};

interface Props {
  readonly platform: PlatformKey;
  readonly state: CellState;
  readonly isHost: boolean;
}

function Mark({ state }: { readonly state: CellState }): ReactNode {
  switch (state) {
    case 'yes':
      return <CheckCircleIcon fontSize="small" color="success" aria-hidden />;
    case 'no':
      return <CancelIcon fontSize="small" color="error" aria-hidden />;
    case 'unknown':
      return <HelpOutlineIcon fontSize="small" color="disabled" aria-hidden />;
    case 'pending':
      return <CircularProgress size={16} thickness={5} aria-hidden />;
  }
}

/** One platform of one image; `data-platform` and `data-state` are stable test hooks. */
export function PlatformCell({ platform, state, isHost }: Props): ReactNode {
  const label = `${platform}: ${WORDS[state]}`;
  return (
    <TableCell
      align="center"
      data-platform={platform}
      data-state={state}
      aria-label={label}
      sx={{ px: 0.75, ...(isHost ? { bgcolor: 'action.hover' } : {}) }}
    >
      <Tooltip title={label}>
        <span style={{ display: 'inline-flex', verticalAlign: 'middle' }}>
          <Mark state={state} />
        </span>
      </Tooltip>
    </TableCell>
  );
}
