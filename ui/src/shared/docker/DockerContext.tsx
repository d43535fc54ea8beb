import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { v1 } from '@docker/extension-api-client-types';
import { hostOsOf, hostPlatform, platformKey } from '@core/index.js';
import type { HostOs, Platform, ThisMachine } from '@core/index.js';
import type { ExecPort } from '@commands/index.js';
import { createDdClientExec } from '@adapters/ddClientExec.js';

export interface DockerEnvironment {
  readonly dd: v1.DockerDesktopClient;
  /** Runs allowlisted docker commands through ddClient's stream form. */
  readonly exec: ExecPort;
  /** The user's platform (from ddClient.host.arch), when known. */
  readonly host?: Platform;
  /** The OS Docker Desktop runs on (from ddClient.host.platform), when known: whose host binaries matter here. */
  readonly hostOs?: HostOs;
  /** This extension's own image (ddClient.extension.image), when known. */
  readonly selfImage?: string;
}

const DockerContext = createContext<DockerEnvironment | undefined>(undefined);

interface Props {
  readonly dd: v1.DockerDesktopClient;
  /** Tests may hand in their own port; by default the ddClient adapter. */
  readonly exec?: ExecPort;
  readonly children: ReactNode;
}

function readSelfImage(dd: v1.DockerDesktopClient): string | undefined {
  try {
    const image: unknown = dd.extension?.image;
    return typeof image === 'string' && image.trim() !== '' ? image : undefined;
  } catch {
    return undefined;
  }
}

export function DockerProvider({ dd, exec, children }: Props): ReactNode {
  const value = useMemo<DockerEnvironment>(() => {
    const host = hostPlatform(String(dd.host?.arch ?? ''));
    const hostOs = hostOsOf(String(dd.host?.platform ?? ''));
    const selfImage = readSelfImage(dd);
    return {
      dd,
      exec: exec ?? createDdClientExec(dd),
      host,
      hostOs,
      selfImage,
    };
  }, [dd, exec]);
  return <DockerContext.Provider value={value}>{children}</DockerContext.Provider>;
}

export function useDocker(): DockerEnvironment {
  const value = useContext(DockerContext);
  if (value === undefined) throw new Error('useDocker must be used inside DockerProvider');
  return value;
}

/**
 * This machine (its VM platform and host OS) for the this-machine answers; empty outside a DockerProvider
 * (parts of the tab rendered alone), where every answer then goes by what is known without it.
 */
export function useThisMachine(): ThisMachine {
  const value = useContext(DockerContext);
  return useMemo<ThisMachine>(() => {
    const host = value?.host;
    const os = value?.hostOs;
    return { ...(host !== undefined ? { platform: platformKey(host) } : {}), ...(os !== undefined ? { os } : {}) };
  }, [value?.host, value?.hostOs]);
}
