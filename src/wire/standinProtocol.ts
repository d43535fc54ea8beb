/**
 * The wire contract between the browser-mode server (src/server) and the stand-in ddClient
 * it serves to the page (src/server/standin). Both sides import it; it holds no browser or
 * Node API, so it runs in both. Refusals are the one ErrorReply (errors.ts).
 */

/** Header that carries the per-start key from the page to the server. */
export const KEY_HEADER = 'x-archmatrix-key';

/**
 * Optional header naming the page (a random id per page load, [A-Za-z0-9_-]{8,64}): the server caps the
 * commands in flight per page with it. Without it, the caller's address is the client.
 */
export const CLIENT_HEADER = 'x-archmatrix-client';

/** URL fragment parameter that carries the key in the printed URL: http://127.0.0.1:4680/#key=... */
export const KEY_FRAGMENT_PARAM = 'key';

/** Run one docker command: POST a JSON ExecBody, get an ExecReply (or an ErrorReply, errors.ts). */
export const EXEC_PATH = '/api/exec';

/**
 * The page's ddClient.extension.vm.service requests: `${VM_PATH}<backend path>` with the same method
 * and JSON body; the reply is the backend's status and JSON body, unchanged (src/server/vmRoute.ts).
 */
export const VM_PATH = '/api/vm';

/** Where the compiled stand-in modules are served from (relative to the page). */
export const STANDIN_PATH = '/__archmatrix/standin/';

/** Name of the <meta> element holding the JSON-encoded StandinConfig. */
export const CONFIG_META_NAME = 'archmatrix-browser-mode';

/**
 * Which ddClient form the page used. Docker Desktop's promise form joins the arguments and
 * splits them again shell-style; the stream form passes them unchanged. The server does the same.
 */
export type ExecForm = 'exec' | 'stream';

export interface ExecBody {
  readonly args: readonly string[];
  readonly form: ExecForm;
}

/** The outcome of a command that the server ran (whatever its exit code). */
export interface ExecReply {
  /** The argv after `docker` that actually ran (after splitting for the promise form). */
  readonly argv: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  /** null when the process did not exit normally (killed, never started). */
  readonly exitCode: number | null;
  /** Set when the server stopped the command (timeout, the page went away) or could not start docker. */
  readonly interrupted?: 'timeout' | 'cancelled' | 'spawn-failed';
}

/** What the server tells the stand-in about the machine (Docker Desktop gets it from Node's os module). */
export interface StandinConfig {
  /** os.platform(): linux, darwin, win32. */
  readonly platform: string;
  /** os.arch(): x64, arm64. */
  readonly arch: string;
  readonly hostname: string;
  /** Stands in for ddClient.extension.image. */
  readonly extensionImage: string;
}
