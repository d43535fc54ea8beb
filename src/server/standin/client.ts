/**
 * The stand-in window.ddClient for browser mode, typed as Docker Desktop's v1 client. It does
 * what Arch Matrix uses: docker.cli.exec (both forms, through the local server), host
 * platform/arch/openExternal, desktopUI.toast and extension.image. What only Docker Desktop
 * can do (dialogs, navigation, Engine API listings) rejects with a clear message.
 */
import type { v1 } from '@docker/extension-api-client-types';
import { safeHttpUrl } from '../../core/labels.js';
import type { DocumentLike } from './browser.js';
import { createExec, type FailureListener } from './exec.js';
import type { StandinConfig } from './protocol.js';
import { createToast } from './toast.js';
import type { PostExec } from './transport.js';

export interface StandinDeps {
  readonly post: PostExec;
  readonly document: DocumentLike;
  /** Opens a URL in a new tab (window.open with noopener). */
  readonly open: (url: string) => void;
  readonly later: (run: () => void, ms: number) => void;
  readonly onFailure?: FailureListener;
  readonly warn?: (message: string) => void;
}

/** http(s) URLs only, as Docker Desktop's openExternal (the core's rule: no credentials, no whitespace). */
export const externalUrl = (text: string): string | undefined => safeHttpUrl(text);

const unavailable = (what: string) => (): Promise<never> =>
  Promise.reject(new Error(`${what} is only available in Docker Desktop, not in browser mode`));

export function createStandinClient(config: StandinConfig, deps: StandinDeps): v1.DockerDesktopClient {
  const navigate: v1.NavigationIntents = {
    viewContainers: unavailable('navigate.viewContainers'),
    viewContainer: unavailable('navigate.viewContainer'),
    viewContainerLogs: unavailable('navigate.viewContainerLogs'),
    viewContainerInspect: unavailable('navigate.viewContainerInspect'),
    viewContainerTerminal: unavailable('navigate.viewContainerTerminal'),
    viewContainerStats: unavailable('navigate.viewContainerStats'),
    viewImages: unavailable('navigate.viewImages'),
    viewImage: unavailable('navigate.viewImage'),
    viewVolumes: unavailable('navigate.viewVolumes'),
    viewVolume: unavailable('navigate.viewVolume'),
  };
  return {
    extension: { image: config.extensionImage },
    desktopUI: {
      toast: createToast(deps.document, deps.later),
      dialog: { showOpenDialog: unavailable('dialog.showOpenDialog') },
      navigate,
    },
    host: {
      platform: config.platform,
      arch: config.arch,
      hostname: config.hostname,
      openExternal: (url: string) => {
        const safe = externalUrl(url);
        if (safe === undefined) {
          deps.warn?.(`openExternal refused ${JSON.stringify(url)}: only http(s) URLs open`);
          return;
        }
        deps.open(safe);
      },
    },
    docker: {
      cli: { exec: createExec(deps.post, deps.onFailure) },
      listContainers: unavailable('docker.listContainers'),
      listImages: unavailable('docker.listImages'),
    },
  };
}
