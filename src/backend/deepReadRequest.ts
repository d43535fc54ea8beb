/**
 * POST /deep's `source` and `platforms`, validated before anything runs (deepRequest.ts checks the
 * references): where the variants are read (this machine's engine, or the registries) and, from the
 * registries, which ones. A bad value refuses the whole request with every reason, like a bad reference.
 */
import { parsePlatformSpecifier, platformKey } from '../core/platform.js';
import type { PlatformKey } from '../core/types.js';
import { err, ok, type Result } from '../core/result.js';
import { DEEP_SOURCES, MAX_PLATFORMS, type DeepSource } from '../wire/backendApi.js';
import { errorReply, type ErrorReply, type ReferenceProblem } from '../wire/errors.js';

/** What a job reads: the source and, from the registries, only these variants (undefined: every linux one). */
export interface DeepRead {
  readonly source: DeepSource;
  readonly platforms?: readonly PlatformKey[];
}

/** The 400 that refuses a whole request for its bad `noun`s, saying how many and the first one. */
export function refusedAll(
  name: 'invalid-platform' | 'invalid-reference',
  noun: string,
  problems: readonly ReferenceProblem[],
): ErrorReply {
  const first = problems[0];
  const summary = first === undefined ? '' : `: "${first.input.slice(0, 80)}" ${first.reason}`;
  return errorReply(400, name, `${problems.length} ${noun}(s) refused, nothing was read${summary}.`, problems);
}

export const DEFAULT_DEEP_READ: DeepRead = { source: 'registry' };

const isSource = (value: unknown): value is DeepSource => DEEP_SOURCES.some((s) => s === value);
const shown = (value: unknown): string => String(JSON.stringify(value) ?? 'undefined').slice(0, 80);

/** `source` and `platforms` of a POST /deep body (already known to be an object). */
export function parseDeepRead(body: Readonly<Record<string, unknown>>): Result<DeepRead, ErrorReply> {
  const bad = (message: string): Result<DeepRead, ErrorReply> => err(errorReply(400, 'bad-request', message));
  const { source = 'registry', platforms } = body;
  if (!isSource(source))
    return bad(`"source" must be "local" (this machine's engine) or "registry", not ${shown(source)}.`);
  if (platforms === undefined) return ok({ source });
  if (source === 'local')
    return bad(
      '"platforms" goes with source "registry": source "local" reads this machine\'s variant only, from its engine.',
    );
  if (!Array.isArray(platforms)) return bad('"platforms" must be an array of platforms, e.g. ["linux/arm64"].');
  if (platforms.length === 0) return bad('"platforms" is empty: leave it out to read every variant.');
  if (platforms.length > MAX_PLATFORMS)
    return bad(`"platforms" holds ${platforms.length} entries; at most ${MAX_PLATFORMS}.`);

  const keys: PlatformKey[] = [];
  const problems: ReferenceProblem[] = [];
  platforms.forEach((input: unknown, index) => {
    const problem = (reason: string): void => {
      problems.push({ index, input: typeof input === 'string' ? input.slice(0, 80) : shown(input), reason });
    };
    if (typeof input !== 'string') return problem('is not a string');
    const parsed = parsePlatformSpecifier(input);
    if (!parsed.ok) return problem(parsed.error.message);
    if (parsed.value.os !== 'linux') return problem('is not a linux platform (extension images are linux images)');
    const key = platformKey(parsed.value);
    if (keys.includes(key)) return problem(`repeats ${key}`);
    keys.push(key);
  });
  if (problems.length > 0) return err(refusedAll('invalid-platform', 'platform', problems));
  return ok({ source, platforms: keys });
}
