import Chip from '@mui/material/Chip';
import type { ReactNode } from 'react';
import { verdictLabel, verdictSeverity } from '@core/index.js';
import type { Verdict } from '@core/index.js';

const CHIP_COLOR = { ok: 'success', warning: 'warning', error: 'error', info: 'info' } as const;

interface Props {
  readonly verdict: Verdict | 'pending';
}

/** The verdict in words and colour; `data-verdict` is a stable test hook. */
export function VerdictBadge({ verdict }: Props): ReactNode {
  const label = verdict === 'pending' ? 'Inspecting…' : verdictLabel(verdict);
  const color = verdict === 'pending' ? 'default' : CHIP_COLOR[verdictSeverity(verdict)];
  return (
    <Chip
      data-testid="verdict"
      data-verdict={verdict}
      label={label}
      color={color}
      size="small"
      variant={verdict === 'pending' ? 'outlined' : 'filled'}
      sx={{ fontWeight: 500, maxWidth: '100%' }}
    />
  );
}
