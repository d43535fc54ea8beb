/**
 * Renders a hook inside the tab's providers (Docker client, notifications) for renderHook tests.
 * `corpusClient` is the e2e stand-in ddClient replaying the recorded corpus (host arm64).
 */
import { cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import type { v1 } from '@docker/extension-api-client-types';
import type { ExecPort } from '@commands/index.js';
import { ensureDockerThemes } from '@ui/app/themes';
import { DockerProvider } from '@ui/shared/docker/DockerContext';
import { NotificationProvider } from '@ui/shared/notifications/NotificationProvider';
import { fakeDesktopClient } from './fakeClient.js';
import { recorded } from './corpus.js';
import { corpusConfig } from './standin/corpusConfig.js';
import type { CorpusOptions } from './standin/corpusConfig.js';
import { installStandin } from './standin/installStandin.js';
import type { StandinRecord } from './standin/standinTypes.js';

export const R = recorded;
export const SELF = 'local/dev-extension:latest';

export interface CorpusClient {
  readonly dd: v1.DockerDesktopClient;
  readonly record: StandinRecord;
}

export function corpusClient(options: CorpusOptions = {}): CorpusClient {
  installStandin(corpusConfig({ delayMs: 1, ...options }), fakeDesktopClient);
  const dd = window.ddClient;
  const record = window.__archmatrixStandin;
  if (dd === undefined || record === undefined) throw new Error('stand-in not installed');
  return { dd, record };
}

/** The providers MatrixPage runs in, around a hook under test. */
export function providers(
  dd: v1.DockerDesktopClient,
  exec?: ExecPort,
): (props: { readonly children: ReactNode }) => ReactNode {
  return function Providers({ children }) {
    return (
      <DockerProvider dd={dd} exec={exec}>
        <NotificationProvider toaster={dd.desktopUI.toast}>{children}</NotificationProvider>
      </DockerProvider>
    );
  };
}

/** A Docker Desktop client that only says its host (arm64 macOS): for hooks that run no command. */
const HOST_ONLY_CLIENT = {
  host: { arch: 'arm64', platform: 'darwin' },
  extension: { image: '' },
  docker: { cli: { exec: () => undefined } },
} as unknown as v1.DockerDesktopClient;

/** The Docker provider alone, with that client, around a hook that needs only the host. */
export function hostOnlyProvider({ children }: { readonly children: ReactNode }): ReactNode {
  return <DockerProvider dd={HOST_ONLY_CLIENT}>{children}</DockerProvider>;
}

/** Each test of the file starts with Docker Desktop's theme variables, empty storage and no client, and leaves none behind. */
export function freshTabPerTest(): void {
  beforeEach(() => {
    ensureDockerThemes(window);
    window.localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    delete window.ddClient;
  });
}
