import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import type { ReactNode } from 'react';

interface Props {
  /** Some row is not settled yet. */
  readonly checking: boolean;
  /** Settled rows of all rows (total 0: still listing). */
  readonly progress: { readonly done: number; readonly total: number };
}

/**
 * A thin bar over the table while checks run. Its 4 px are always there, so the page never moves
 * when a run starts or ends (Refresh).
 */
export function RunProgress({ checking, progress }: Props): ReactNode {
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
  return (
    <Box sx={{ height: 4, mb: 0.5 }}>
      {checking && (
        <LinearProgress
          variant={progress.total === 0 ? 'indeterminate' : 'determinate'}
          value={percent}
          sx={{ height: 4, borderRadius: 2 }}
          aria-label="Inspection progress"
          aria-valuetext={progress.total === 0 ? 'Listing extensions' : `${progress.done} of ${progress.total} checked`}
          data-testid="progress"
        />
      )}
    </Box>
  );
}
