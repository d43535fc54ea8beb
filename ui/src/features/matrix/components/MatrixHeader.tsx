import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The title and what the tab is for on one line, then the summary line (`children`). */
export function MatrixHeader({ children }: { readonly children: ReactNode }): ReactNode {
  return (
    <Box component="header">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1.5 }}>
        <Typography variant="h1" component="h1" sx={{ fontSize: '1.25rem' }}>
          Arch Matrix
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Which CPU architectures each installed extension is published for, and whether it will install on this
          machine.
        </Typography>
      </Box>
      <Box sx={{ mt: 0.5 }}>{children}</Box>
    </Box>
  );
}
