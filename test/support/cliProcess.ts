/**
 * Runs the BUILT CLI (dist/node/cli/main.js) as a child process. ensureCliBuilt() compiles
 * src/ with tsconfig.node.json when the build is missing or older than a source file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../env/run.js';
import type { CommandRun } from '../env/run.js';

export const CLI = 'dist/node/cli/main.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureCliBuilt(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestMtime('src')) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { stdio: 'inherit', timeout: 300_000 });
}

export type CliRun = CommandRun;

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): CliRun {
  return run(process.execPath, [CLI, ...args], { env: { ...env, NO_COLOR: undefined } });
}
