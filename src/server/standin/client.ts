/**
 * The stand-in window.ddClient for browser mode, typed as Docker Desktop's v1 client. It does
 * what Arch Matrix uses: docker.cli.exec (both forms, through the local server), host
 * platform/arch/openExternal, desktopUI.toast and extension.image. What only Docker Desktop
 * can do (dialogs, navigation, Engine API listings) rejects with a clear message.
 */
import type { v1 } from '@docker/extension-api-client-types';
import { safeHttpUrl } from '../../core/labels.js';
import type { DocumentLike } from './browser.js';
import { createExec, execForms, type FailureListener } from './exec.js';
import type { StandinConfig } from '../../wire/standinProtocol.js';
import { createToast } from './toast.js';
import type { PostExec } from './transport.js';

export interface StandinDeps {
  readonly post: PostExec;
  /** ddClient.extension.vm.service: Arch Matrix's backend through the browser-mode server (absent: no backend). */
  readonly vmService?: v1.HttpService;
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

const NO_VM_EXEC = "extension.vm.cli.exec is only available in Docker Desktop (Arch Matrix's backend runs no commands)";

/** ddClient.extension.vm.cli.exec: no backend container in browser mode, so it fails in either form. */
const vmExec = execForms(
  (_cmd, _args, listener) => {
    listener.onError?.(new Error(NO_VM_EXEC));
    return { close: () => undefined };
  },
  () => Promise.reject(new Error(NO_VM_EXEC)),
);

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
    extension: {
      image: config.extensionImage,
      ...(deps.vmService === undefined ? {} : { vm: { cli: { exec: vmExec }, service: deps.vmService } }),
    },
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
