/**
 * Docker Desktop's promise-form `ddClient.docker.cli.exec(cmd, args)` joins the arguments into
 * one command line and splits it again shell-style (quotes removed, whitespace separates words),
 * without running a shell. The stream form passes the arguments unchanged. The browser-mode
 * server applies the same rule so that a command means the same here and in Docker Desktop.
 */
import { parse } from 'shell-quote';
import { err, ok, type Result } from '../core/result.js';
import type { ExecForm } from './standin/protocol.js';

/** `$NAME` stays literal: no shell runs, so nothing expands variables. */
const keepVariable = (name: string): string => `$${name}`;

/**
 * The argv that runs for what the page sent. Shell syntax that would need a shell (pipes,
 * redirections, `;`, globs, comments, `$(...)`) is refused: Docker Desktop runs no shell either,
 * so such a command could only be a mistake or an attack.
 */
export function effectiveArgs(args: readonly string[], form: ExecForm): Result<readonly string[], string> {
  if (form === 'stream') return ok(args);
  const words: string[] = [];
  for (const entry of parse(args.join(' '), keepVariable)) {
    if (typeof entry !== 'string') {
      const shown = 'op' in entry ? (entry.op === 'glob' ? entry.pattern : entry.op) : `#${entry.comment}`;
      return err(`shell syntax ${JSON.stringify(shown)} is not allowed (no shell runs the command)`);
    }
    words.push(entry);
  }
  return ok(words);
}
