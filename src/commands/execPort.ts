/**
 * The one door to the outside world: run a docker command and get its output.
 * Two implementations: adapters/ddClientExec.ts (Docker Desktop's ddClient.docker.cli.exec)
 * and adapters/nodeExec.ts (Node's child_process.spawn, no shell, in its own process group).
 *
 * `cmd` is always "docker". `args` must come from commands/dockerCommands.ts, which
 * builds them only from validated values and checks them against the read-only allowlist.
 */
import type { Interruption } from '../core/failure.js';

export interface ExecOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** null when the process did not exit normally (killed, never started). */
  readonly exitCode: number | null;
  /**
   * Set when the adapter stopped the process (timeout or cancel), could not start it, or was refused
   * before anything ran (access-refused: browser mode's server refused the page's key).
   */
  readonly interrupted?: Interruption;
}

export interface ExecRequest {
  readonly args: readonly string[];
  /** Abort to stop the command (the adapter kills the process where it can). */
  readonly signal?: AbortSignal;
  /** Milliseconds; the adapter stops the command and reports interrupted: 'timeout'. */
  readonly timeoutMs?: number;
}

/** Never rejects for a failing command: a non-zero exit is an ExecOutput with that exitCode. */
export type ExecPort = (request: ExecRequest) => Promise<ExecOutput>;
