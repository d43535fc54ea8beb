/** Browser-mode settings from the environment, validated, and what the server writes to its log. */
import { environmentNotices, type EnvironmentStatus } from '../commands/environment.js';
// The backend's own variable: browser mode relays vm.service to a running backend's socket when it names one.
import { SOCKET_ENV } from '../backend/config.js';
import { checkSocketPath } from '../backend/socketFile.js';
import { err, ok, type Result } from '../core/result.js';

/** Default port of `npm start` (PORT overrides; PORT=0 picks a free one). */
export const DEFAULT_PORT = 4680;

/**
 * What ddClient.extension.image says in browser mode unless ARCHMATRIX_EXTENSION_IMAGE is set:
 * nothing, since no extension is installed (the UI then lists no row for "itself").
 */
export const DEFAULT_EXTENSION_IMAGE = '';

/** Upper bound for one docker command run for the page. */
export const COMMAND_TIMEOUT_MS = 120_000;

/** Commands allowed to run at once, all clients together. */
export const MAX_RUNNING = 24;

/** Commands one client (page) may have in flight: the UI runs up to 6 at once plus typed images; one page cannot hold every slot. */
export const MAX_RUNNING_PER_CLIENT = 12;

/** The HTTP server's own limits: a client that trickles its headers or body is cut off (408). */
export interface HttpLimits {
  /** Until the request's headers are complete. */
  readonly headersTimeoutMs: number;
  /** Until the whole request (headers and body) is received; the command's run time does not count. */
  readonly requestTimeoutMs: number;
  /** How often Node checks those two timeouts. */
  readonly checkIntervalMs: number;
}

export const HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, checkIntervalMs: 1_000 };

/** Upper bound for one vm.service request relayed to a backend socket (it answers in milliseconds). */
export const VM_REQUEST_TIMEOUT_MS = 15_000;

export interface EnvSettings {
  readonly port: number;
  readonly extensionImage: string;
  /** The running backend's socket to relay vm.service to; undefined: the backend runs in-process. */
  readonly backendSocket?: string;
}

export function readPort(value: string | undefined): Result<number, string> {
  if (value === undefined || value.trim() === '') return ok(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(value.trim()))
    return err(`PORT must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
  const port = Number(value.trim());
  return port <= 65535 ? ok(port) : err(`PORT must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
}

export function readSettings(env: NodeJS.ProcessEnv): Result<EnvSettings, string> {
  const port = readPort(env.PORT);
  if (!port.ok) return port;
  const image = env.ARCHMATRIX_EXTENSION_IMAGE?.trim();
  const extensionImage = image === undefined || image === '' ? DEFAULT_EXTENSION_IMAGE : image;
  const socket = env[SOCKET_ENV]?.trim();
  if (socket === undefined || socket === '') return ok({ port: port.value, extensionImage });
  const checked = checkSocketPath(socket);
  if (!checked.ok) return err(`${SOCKET_ENV}: ${checked.error}`);
  return ok({ port: port.value, extensionImage, backendSocket: checked.value });
}

/**
 * A log line safe for a terminal: control characters (C0, DEL, C1) and Unicode format characters
 * (\p{Cf}: bidirectional overrides such as U+202E, zero-width characters) from a request are shown
 * escaped, never sent raw, so they cannot recolour the terminal or reorder what the line says.
 */
export const printable = (line: string): string =>
  // eslint-disable-next-line no-control-regex
  line.replace(/[\u0000-\u001f\u007f-\u009f]|\p{Cf}/gu, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });

/** What `npm start` prints about docker and buildx before anyone opens the page (the words are the command layer's). */
export function describeEnvironment(status: Pick<EnvironmentStatus, 'engine' | 'buildx'>): readonly string[] {
  return environmentNotices(status).map((notice) => `warning: ${notice.title}: ${notice.message}`);
}
