/**
 * The --require gate and the exit code. Pure.
 *
 * Exit codes:
 *   0  the report was produced and, with --require, every image meets the requirement
 *      (without --require, 0 whatever the verdicts: the table is a report, --require is the gate);
 *   1  --require given and at least one image fails it: what each verdict means for the gate is the
 *      `requirement` of its entry in core/verdictTable.ts (a required platform not published, the
 *      image could not be inspected, or it exists only in the local store); with --deep, also when the
 *      deep check could not judge the inside of every variant (core/requirement.ts);
 *   2  bad usage or an invalid reference on the command line (nothing was run);
 *   3  could not run at all: the docker CLI is missing, or the engine could not list the
 *      installed extensions (no-argument mode).
 */
import type { PlatformKey, RequirementInput } from '../core/index.js';
import { checkRequirement } from '../core/index.js';

export const EXIT_OK = 0;
export const EXIT_REQUIREMENT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_ENVIRONMENT = 3;
export type ExitCode = typeof EXIT_OK | typeof EXIT_REQUIREMENT_FAILED | typeof EXIT_USAGE | typeof EXIT_ENVIRONMENT;

export function exitCodeFor(results: readonly RequirementInput[], required: readonly PlatformKey[]): ExitCode {
  if (required.length === 0) return EXIT_OK;
  return results.every((r) => checkRequirement(r, required).status === 'met') ? EXIT_OK : EXIT_REQUIREMENT_FAILED;
}
