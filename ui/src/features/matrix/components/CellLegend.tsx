import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { CellState } from '../model/cells';
import { CellMark } from './PlatformCell';

const ENTRIES: readonly { readonly state: CellState; readonly required: boolean; readonly text: string }[] = [
  { state: 'yes', required: true, text: 'published' },
  { state: 'no', required: true, text: 'missing, and needed (linux/amd64, linux/arm64 or this machine)' },
  { state: 'no', required: false, text: 'not published' },
  { state: 'unknown', required: false, text: 'unknown: the registry did not say' },
];

/**
 * The line under the table: what each cell's mark means, and, when the table is wider than the
 * window, that it scrolls sideways (`data-testid="scroll-hint"`).
 */
export function CellLegend({ scrolls }: { readonly scrolls: boolean }): ReactNode {
  return (
    <Stack
      direction="row"
      useFlexGap
      data-testid="cell-legend"
      sx={{ flexWrap: 'wrap', columnGap: 2, rowGap: 0.25, mt: 0.75, px: 0.5, alignItems: 'center' }}
    >
      {ENTRIES.map((entry) => (
        <Box key={entry.text} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
          <CellMark state={entry.state} required={entry.required} />
          <Typography variant="caption" color="text.secondary">
            {entry.text}
          </Typography>
        </Box>
      ))}
      {scrolls && (
        <Typography
          variant="caption"
          color="text.secondary"
          data-testid="scroll-hint"
          sx={{ ml: 'auto', fontWeight: 600 }}
        >
          Scroll the table sideways for more columns →
        </Typography>
      )}
    </Stack>
  );
}
