import TableCell from '@mui/material/TableCell';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import RemoveIcon from '@mui/icons-material/Remove';
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
  /** linux/amd64, linux/arm64 or this machine's platform: only these are red when missing. */
  readonly required: boolean;
  readonly isHost: boolean;
}

/** The mark of a cell (also the legend's): ✓ published, ✗ a needed platform missing, — not published, ? unknown. */
export function CellMark({ state, required }: { readonly state: CellState; readonly required: boolean }): ReactNode {
  switch (state) {
    case 'yes':
      return <CheckCircleIcon fontSize="small" color="success" aria-hidden />;
    case 'no':
      // Red only where it is a problem; a platform nobody requires is just "not published".
      return required ? (
        <CancelIcon fontSize="small" color="error" aria-hidden />
      ) : (
        <RemoveIcon fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden />
      );
    case 'unknown':
      return <HelpOutlineIcon fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden />;
    case 'pending':
      return <CircularProgress size={16} thickness={5} aria-hidden />;
  }
}

/** One platform of one image; `data-platform`, `data-state` and `data-required` are stable test hooks. */
export function PlatformCell({ platform, state, required, isHost }: Props): ReactNode {
  const label = `${platform}: ${WORDS[state]}${state === 'no' && required ? ' (required)' : ''}`;
  return (
    <TableCell
      align="center"
      data-platform={platform}
      data-state={state}
      data-required={required ? 'true' : 'false'}
      aria-label={label}
      sx={{ px: 0.75, ...(isHost ? { bgcolor: 'action.hover' } : {}) }}
    >
      {/* describeChild: the tooltip describes the mark; the cell's aria-label names it (no aria-label on a plain span). */}
      <Tooltip title={label} describeChild>
        <span style={{ display: 'inline-flex', verticalAlign: 'middle' }}>
          <CellMark state={state} required={required} />
        </span>
      </Tooltip>
    </TableCell>
  );
}
