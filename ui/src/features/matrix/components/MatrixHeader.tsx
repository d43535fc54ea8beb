import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface Props {
  readonly summary: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly running: boolean;
  /** e.g. "Results from 10:42, refreshing…" */
  readonly note?: string;
  /** "N of M ready" and the other counts, shown before the sentence. */
  readonly counts?: ReactNode;
}

/** Title, the one-line summary (`data-testid="summary"`) and the progress of the current run. */
export function MatrixHeader({ summary, progress, running, note, counts }: Props): ReactNode {
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
  return (
    <Box>
      <Typography variant="h1" component="h1">
        Arch Matrix
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        Which CPU architectures each installed extension is published for, and whether it will install on this machine.
      </Typography>
      {counts !== undefined && <Box sx={{ mt: 2 }}>{counts}</Box>}
      <Typography
        variant="body1"
        component="p"
        data-testid="summary"
        sx={{ mt: counts === undefined ? 2 : 0.5 }}
        aria-live="polite"
      >
        {summary}
      </Typography>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: running || note !== undefined ? 1 : 0 }}>
        {running && (
          <>
            <LinearProgress
              variant={progress.total === 0 ? 'indeterminate' : 'determinate'}
              value={percent}
              sx={{ width: 200 }}
              aria-label="Inspection progress"
            />
            <Typography variant="body2" color="text.secondary" data-testid="progress">
              {progress.total === 0 ? 'Listing extensions…' : `Inspecting ${progress.done} of ${progress.total}`}
            </Typography>
          </>
        )}
        {note !== undefined && (
          <Typography variant="body2" color="text.secondary" data-testid="remembered-note">
            {note}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
