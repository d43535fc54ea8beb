import CssBaseline from '@mui/material/CssBaseline';
import { DockerMuiV6ThemeProvider } from '@docker/docker-mui-theme';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { v1 } from '@docker/extension-api-client-types';
import type { ExecPort } from '@commands/index.js';
import { MatrixPage } from '../features/matrix/components/MatrixPage';
import { DockerProvider } from '../shared/docker/DockerContext';
import { findDdClient } from '../shared/ddClient';
import { FocusStyles } from '../shared/FocusStyles';
import { NotificationProvider } from '../shared/notifications/NotificationProvider';
import { NoClient } from './NoClient';

const SILENT_TOASTER: v1.Toast = { success: () => undefined, warning: () => undefined, error: () => undefined };

interface Props {
  /** Defaults to createDockerDesktopClient() (Docker Desktop, or the browser-mode stand-in). */
  readonly dd?: v1.DockerDesktopClient;
  /** Tests may run commands through their own port. */
  readonly exec?: ExecPort;
}

/** Docker's theme (light/dark from prefers-color-scheme), the Docker client and one notification context. */
export function App({ dd, exec }: Props): ReactNode {
  const client = useMemo(() => dd ?? findDdClient(), [dd]);
  // Docker Desktop always has desktopUI; a partial stand-in may not: toasts then go nowhere.
  const toaster = useMemo<v1.Toast>(() => client?.desktopUI?.toast ?? SILENT_TOASTER, [client]);
  return (
    <DockerMuiV6ThemeProvider>
      <CssBaseline />
      <FocusStyles />
      {client === undefined ? (
        <NoClient />
      ) : (
        <DockerProvider dd={client} exec={exec}>
          <NotificationProvider toaster={toaster}>
            <MatrixPage />
          </NotificationProvider>
        </DockerProvider>
      )}
    </DockerMuiV6ThemeProvider>
  );
}
