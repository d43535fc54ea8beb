/** How a docker command is shown to people (details view, --json, exports). Display only: never executed. */

/** Words a POSIX shell takes literally; anything else is shown in single quotes. */
const SHELL_SAFE = /^[\w@%+=:,./-]+$/;

/** One argument as one shell word: as it is when the shell takes it literally, otherwise in single quotes. */
export function shellWord(arg: string): string {
  return SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** "docker buildx imagetools inspect REF --raw", quoted so it can be pasted into a shell; for display only, never executed. */
export function describeCommand(args: readonly string[]): string {
  return ['docker', ...args.map(shellWord)].join(' ');
}
