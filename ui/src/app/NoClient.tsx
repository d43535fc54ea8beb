import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** Shown when the page runs neither in Docker Desktop nor in browser mode (no Docker Desktop client). */
export function NoClient(): ReactNode {
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 720 }}>
      <Alert severity="info" data-banner="no-client">
        <AlertTitle>Arch Matrix needs Docker Desktop or browser mode</AlertTitle>
        This page talks to Docker through the Docker Desktop extension client. Open it as the Arch Matrix tab in Docker
        Desktop, or run <code>npm start</code> in the project and open the address it prints.
      </Alert>
    </Box>
  );
}
