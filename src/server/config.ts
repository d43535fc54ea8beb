/** Browser-mode settings from the environment, validated. */
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

/** Commands allowed to run at once (the UI runs up to 6). */
export const MAX_RUNNING = 16;

export interface EnvSettings {
  readonly port: number;
  readonly extensionImage: string;
}

export function readPort(value: string | undefined): Result<number, string> {
  if (value === undefined || value.trim() === '') return ok(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(value.trim())) return err(`PORT must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
  const port = Number(value.trim());
  return port <= 65535 ? ok(port) : err(`PORT must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
}

export function readSettings(env: NodeJS.ProcessEnv): Result<EnvSettings, string> {
  const port = readPort(env.PORT);
  if (!port.ok) return port;
  const image = env.ARCHMATRIX_EXTENSION_IMAGE?.trim();
  return ok({ port: port.value, extensionImage: image === undefined || image === '' ? DEFAULT_EXTENSION_IMAGE : image });
}

/** A log line safe for a terminal: control characters from a request are shown escaped, never sent raw. */
export const printable = (line: string): string =>
  // eslint-disable-next-line no-control-regex
  line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
