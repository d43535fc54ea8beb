/** Classifies a failed docker command from its stderr and exit status, keeping the original message. */
import type { CommandFailure, FailureKind } from './types.js';

/**
 * Why a command did not run to its end, when the runner knows: stopped (timeout, cancel), never
 * started (spawn-failed), or refused before it ran because the browser-mode page's key is stale or
 * missing (access-refused: nothing about docker or its engine is known then).
 */
export type Interruption = 'timeout' | 'cancelled' | 'spawn-failed' | 'access-refused';

/**
 * The `code` the browser-mode stand-in puts on the Error it hands to ddClient.docker.cli.exec when
 * the server refused the page's key (HTTP 401); the ddClient adapter turns it into 'access-refused'.
 */
export const ACCESS_REFUSED_CODE = 'ARCHMATRIX_ACCESS_REFUSED';

export interface FailedOutput {
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly interrupted?: Interruption;
}

/** Checked in this order: the first kind whose pattern matches wins. */
const PATTERNS: readonly (readonly [FailureKind, RegExp])[] = [
  [
    'tool-missing',
    /is not a docker command|unknown command|docker: not found|command not found|executable file not found|\bENOENT\b|unknown flag: --raw/i,
  ],
  ['rate-limited', /toomanyrequests|too many requests|\b429\b|rate limit/i],
  [
    'unreachable',
    /Cannot connect to the Docker daemon|Is the docker daemon running|permission denied while trying to connect/i,
  ],
  [
    'unauthorized',
    /pull access denied|unauthorized|authentication required|no basic auth credentials|\bdenied\b|\b401\b|\b403\b|forbidden/i,
  ],
  [
    'unreachable',
    /connection refused|no such host|i\/o timeout|network is unreachable|host is unreachable|TLS handshake|server gave HTTP response to HTTPS client|connection reset|no route to host|x509:|certificate/i,
  ],
  ['timeout', /context deadline exceeded|Client\.Timeout exceeded|timed out|timeout exceeded/i],
  ['not-found', /not found|no such manifest|manifest unknown|No such image|name unknown|does not exist/i],
];

function cleanMessage(stderr: string): string {
  return stderr.trim().replace(/^ERROR:\s*/, '');
}

export function classifyFailure(out: FailedOutput): CommandFailure {
  const stderr = typeof out.stderr === 'string' ? out.stderr : '';
  const message = cleanMessage(stderr);
  // No exitCode key at all when there was none: a failure is stored and compared as it is.
  const exit = typeof out.exitCode === 'number' ? { exitCode: out.exitCode } : {};
  const make = (kind: FailureKind, fallback: string): CommandFailure => ({
    kind,
    message: message || fallback,
    ...exit,
  });
  if (out.interrupted === 'timeout') return make('timeout', 'the command took too long and was stopped');
  if (out.interrupted === 'cancelled') return make('cancelled', 'the command was cancelled');
  if (out.interrupted === 'spawn-failed') return make('tool-missing', 'the docker command could not be started');
  if (out.interrupted === 'access-refused')
    return make('access-refused', "the browser-mode server refused this page's access key");
  for (const [kind, pattern] of PATTERNS) if (pattern.test(stderr)) return make(kind, '');
  if (out.exitCode === 127) return make('tool-missing', 'docker exited with 127 (command not found)');
  return make('error', out.exitCode === null ? 'the command failed' : `the command exited with code ${out.exitCode}`);
}

/** The registry host named in a message (`Get "https://HOST/v2/..."`, `dial tcp HOST: ...`), if any. */
export function hostInMessage(message: string): string | undefined {
  const url = /https?:\/\/([a-zA-Z0-9.-]+(?::\d+)?|\[[0-9a-fA-F:]+\](?::\d+)?)\//.exec(message);
  return url?.[1];
}

/** One actionable sentence per kind. */
export function describeFailure(f: CommandFailure): string {
  const host = hostInMessage(f.message);
  switch (f.kind) {
    case 'not-found':
      return 'The registry has no such repository or tag: check the name, or push the image.';
    case 'unauthorized':
      return `The registry refused access: log in with \`docker login ${host ?? 'REGISTRY'}\` and retry.`;
    case 'rate-limited':
      return 'The registry is rate limiting requests: wait a few minutes or log in to raise the limit, then retry.';
    case 'unreachable':
      return `Could not reach ${host ?? 'the registry or the Docker engine'}: check the network, proxy and that it is running, then retry.`;
    case 'tool-missing':
      return 'docker buildx is not available: install the buildx plugin (or update Docker Desktop) and retry.';
    case 'timeout':
      return 'The registry did not answer in time: retry, or check the network.';
    case 'cancelled':
      return 'The check was cancelled before it finished: refresh to run it again.';
    case 'access-refused':
      return "The browser-mode server did not accept this page's key (it restarted, or the page is older than it): open the URL `npm start` printed, then retry.";
    case 'error':
      return "docker reported an unexpected error: its own message says what went wrong (in the row's details, or with `--verbose` in the CLI).";
  }
}
