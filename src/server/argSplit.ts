/**
 * Docker Desktop's promise-form `ddClient.docker.cli.exec(cmd, args)` joins the arguments into
 * one command line and splits it again (quotes removed, unquoted whitespace separates words)
 * without running a shell; the stream form passes the arguments unchanged. The browser-mode
 * server applies the same rule so that a command means the same here and in Docker Desktop.
 *
 * Shell operators stay literal text: on Linux, Docker Desktop passed `$(docker ps -qf "x")` on
 * as the words `$(docker`, `ps`, `-qf`, `x)` (docker/extensions-sdk#212). That is also why this
 * is not shell-quote's parse(), which would turn the `|` of `--format={{.|json}}` into a pipe.
 */
import { err, ok, type Result } from '../core/result.js';
import type { ExecForm } from '../wire/standinProtocol.js';

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);

/** Splits one command line into words: '...' literal, "..." with \" and \\ escapes, \x outside quotes. */
export function splitCommandLine(line: string): Result<readonly string[], string> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const char = line.charAt(i);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (line.charAt(i + 1) === '"' || line.charAt(i + 1) === '\\')) word += line.charAt(++i);
      else word += char;
    } else if (WHITESPACE.has(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === '\\' && i + 1 < line.length) word += line.charAt(++i);
      else word += char;
    }
  }
  if (quote !== undefined) return err(`unterminated ${quote} quote`);
  if (inWord) words.push(word);
  return ok(words);
}

/** The argv that runs for what the page sent with the given form. */
export function effectiveArgs(args: readonly string[], form: ExecForm): Result<readonly string[], string> {
  return form === 'stream' ? ok(args) : splitCommandLine(args.join(' '));
}
