/** How a docker command is shown to people (details view, --json, exports). Display only: never executed. */

/** Words a POSIX shell takes literally; anything else is shown in single quotes. */
const SHELL_SAFE = /^[\w@%+=:,./-]+$/;

/** "docker buildx imagetools inspect REF --raw", quoted so it can be pasted into a shell; for display only, never executed. */
export function describeCommand(args: readonly string[]): string {
  const words = args.map((arg) => (SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return ['docker', ...words].join(' ');
}
