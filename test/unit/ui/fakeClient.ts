/**
 * A typed v1.DockerDesktopClient for unit tests whose `docker.cli.exec` hands every call to a
 * script: the test decides what the "process" does (output, close, error, never answer).
 */
import type { v1 } from '@docker/extension-api-client-types';

export interface ExecCall {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly stream?: v1.ExecStreamOptions;
  closed: number;
}

/** What the script returns for one call: nothing (stream form, the test drives the callbacks later), a process, a promise or a throw. */
export type ExecScript = (call: ExecCall) => v1.ExecProcess | Promise<v1.ExecResult> | undefined;

export interface FakeClient {
  readonly client: v1.DockerDesktopClient;
  readonly calls: ExecCall[];
  readonly toasts: { level: 'success' | 'warning' | 'error'; message: string }[];
  readonly opened: string[];
}

export function fakeClient(script: ExecScript, host: { arch: string; platform: string } = { arch: 'arm64', platform: 'darwin' }, image = 'docker/arch-matrix:0.1.0'): FakeClient {
  const calls: ExecCall[] = [];
  const toasts: FakeClient['toasts'] = [];
  const opened: string[] = [];

  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(cmd: string, args: string[], options?: v1.ExecOptions | v1.SpawnOptions): Promise<v1.ExecResult> | v1.ExecProcess {
    const stream = options !== undefined && 'stream' in options ? options.stream : undefined;
    const call: ExecCall = { cmd, args, closed: 0, ...(stream === undefined ? {} : { stream }) };
    calls.push(call);
    const outcome = script(call);
    if (outcome !== undefined) return outcome;
    return {
      close() {
        call.closed += 1;
      },
    };
  }

  const unavailable = (): Promise<never> => Promise.reject(new Error('not in this fake'));
  const client: v1.DockerDesktopClient = {
    extension: { image },
    desktopUI: {
      toast: {
        success: (message) => toasts.push({ level: 'success', message }),
        warning: (message) => toasts.push({ level: 'warning', message }),
        error: (message) => toasts.push({ level: 'error', message }),
      },
      dialog: { showOpenDialog: unavailable },
      navigate: {
        viewContainers: unavailable,
        viewContainer: unavailable,
        viewContainerLogs: unavailable,
        viewContainerInspect: unavailable,
        viewContainerTerminal: unavailable,
        viewContainerStats: unavailable,
        viewImages: unavailable,
        viewImage: unavailable,
        viewVolumes: unavailable,
        viewVolume: unavailable,
      },
    },
    host: { platform: host.platform, arch: host.arch, hostname: 'fake', openExternal: (url) => void opened.push(url) },
    docker: { cli: { exec }, listContainers: () => Promise.resolve([]), listImages: () => Promise.resolve([]) },
  };
  return { client, calls, toasts, opened };
}
