/**
 * The one typed fake v1.DockerDesktopClient of the test suites (unit, ui and e2e).
 *
 * `fakeDesktopClient` builds the whole client around an `exec` the caller supplies, and records
 * toasts and openExternal calls. It is SELF-CONTAINED: the e2e harness sends its source text to the
 * page (Playwright's addInitScript), so it may use no import and nothing from this module at run time
 * (type-only imports are erased).
 *
 * `fakeClient` is the unit tests' form: every exec call goes to a script that decides what the
 * "process" does (output, close, error, never answer).
 */
import type { v1 } from '@docker/extension-api-client-types';

export type ToastLevel = 'success' | 'warning' | 'error';

/** What the client records; the caller owns the arrays (the stand-in keeps them on window). */
export interface ClientRecord {
  readonly toasts: { readonly level: ToastLevel; readonly message: string }[];
  readonly opened: string[];
}

export interface FakeHost {
  readonly platform: string;
  readonly arch: string;
  readonly hostname: string;
}

export interface FakeClientParts {
  readonly host: FakeHost;
  readonly extensionImage: string;
  readonly exec: v1.Exec;
  readonly record: ClientRecord;
}

export type MakeClient = (parts: FakeClientParts) => v1.DockerDesktopClient;

export function fakeDesktopClient(parts: FakeClientParts): v1.DockerDesktopClient {
  const { record } = parts;
  const unavailable = (): Promise<never> => Promise.reject(new Error('not available in this fake ddClient'));
  return {
    extension: { image: parts.extensionImage },
    desktopUI: {
      toast: {
        success: (message) => void record.toasts.push({ level: 'success', message }),
        warning: (message) => void record.toasts.push({ level: 'warning', message }),
        error: (message) => void record.toasts.push({ level: 'error', message }),
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
    host: {
      platform: parts.host.platform,
      arch: parts.host.arch,
      hostname: parts.host.hostname,
      openExternal: (url) => void record.opened.push(url),
    },
    docker: {
      cli: { exec: parts.exec },
      listContainers: () => Promise.resolve([]),
      listImages: () => Promise.resolve([]),
    },
  };
}

export interface ExecCall {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly stream?: v1.ExecStreamOptions;
  closed: number;
}

/** What the script returns for one call: nothing (stream form, the test drives the callbacks later), a process, a promise or a throw. */
export type ExecScript = (call: ExecCall) => v1.ExecProcess | Promise<v1.ExecResult> | undefined;

export interface FakeClient extends ClientRecord {
  readonly client: v1.DockerDesktopClient;
  readonly calls: ExecCall[];
}

export function fakeClient(
  script: ExecScript,
  host: { arch: string; platform: string } = { arch: 'arm64', platform: 'darwin' },
  image = 'docker/arch-matrix:0.1.0',
): FakeClient {
  const calls: ExecCall[] = [];
  const record: ClientRecord = { toasts: [], opened: [] };

  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(
    cmd: string,
    args: string[],
    options?: v1.ExecOptions | v1.SpawnOptions,
  ): Promise<v1.ExecResult> | v1.ExecProcess {
    const stream = options !== undefined && 'stream' in options ? options.stream : undefined;
    const call: ExecCall = stream === undefined ? { cmd, args, closed: 0 } : { cmd, args, stream, closed: 0 };
    calls.push(call);
    const outcome = script(call);
    if (outcome !== undefined) return outcome;
    return {
      close() {
        call.closed += 1;
      },
    };
  }

  const client = fakeDesktopClient({ host: { ...host, hostname: 'fake' }, extensionImage: image, exec, record });
  return { client, calls, toasts: record.toasts, opened: record.opened };
}
