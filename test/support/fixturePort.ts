/**
 * A recorded-fixture ExecPort: answers each argv with the real output recorded for the same command
 * (test/data/fixtures, docker 26.1.5 / buildx 0.13.1 where the stacks differ, plus two of the extra
 * recordings in test/data/recordings). Our argv use space-free templates; on the rig they print byte-for-byte
 * what the recorded `--format '{{json .Image}}'` / `--format '{{json .}}'` printed, so they map here.
 *
 * Every argv it receives must pass isReadOnlyCommand: a violation is kept in `violations` and makes
 * the port throw, and tests assert `violations` is empty.
 */
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { parseReference } from '@core/index.js';
import type { ExecOutput, ExecPort, ExecRequest } from '@commands/execPort.js';
import { fixtureNames, loadFixture, loadRecording, outputOf, type Recording } from './recordings.js';

/** Our argv form of a recorded argv (only the --format spelling differs). */
function ourForm(argv: readonly string[]): string {
  const [first, second, ref] = argv;
  // Recorded as typed (`local/dev-extension:latest`); we pass the canonical form.
  const parsed = first === 'image' && second === 'inspect' && ref !== undefined ? parseReference(ref) : undefined;
  const joined = parsed?.ok === true ? `image inspect ${parsed.value.canonical}` : argv.join(' ');
  return joined
    .replace(/ --format \{\{json \.Image\}\}$/, ' --format={{.Image|json}}')
    .replace(/ --filter label=(\S+) --format \{\{json \.\}\}$/, ' --filter=label=$1 --format=json')
    .replace(/^version --format \{\{json \.\}\}$/, 'version --format=json');
}

/**
 * Recorded answers by command line, as a user without credentials sees them: for two stacks the
 * 26.1.5 / 0.13.1 one (the rig's default); `private.*` (recorded after `docker login`) left out, so the
 * login-only registry answers with `error-unauthorized.*`. Use `answer('private.…')` for the logged-in case.
 */
function loadAll(): Map<string, Recording> {
  const byArgv = new Map<string, Recording>();
  const fixtures = fixtureNames(/./).filter(
    (name) => !name.startsWith('private.') && !/(28\.5\.2|0\.29\.1)$/.test(name),
  );
  const recordings = ['local-only.imagetools-raw', 'engine.image-inspect.missing'];
  for (const rec of [...fixtures.map(loadFixture), ...recordings.map(loadRecording)])
    byArgv.set(ourForm(rec.argv), rec);
  return byArgv;
}

/** The engine's real "No such image" answer, with the asked reference in place of the recorded one. */
function noSuchImage(reference: string): ExecOutput {
  const rec = loadRecording('engine.image-inspect.missing');
  const recordedRef = rec.argv[rec.argv.length - 1] ?? '';
  return { stdout: rec.stdout, stderr: rec.stderr.replace(recordedRef, reference), exitCode: rec.exitCode };
}

const RECORDINGS = loadAll();

/** Local image docs by ID, for `image inspect ID...` (the real per-image outputs, concatenated). */
function localImages(): { id: string; doc: unknown }[] {
  const out: { id: string; doc: unknown }[] = [];
  for (const [key, rec] of RECORDINGS) {
    if (!key.startsWith('image inspect ')) continue;
    const docs: unknown = JSON.parse(rec.stdout);
    if (!Array.isArray(docs)) continue;
    for (const doc of docs as unknown[]) {
      const id = (doc as { Id?: unknown }).Id;
      if (typeof id === 'string') out.push({ id, doc });
    }
  }
  return out;
}

export interface FixturePort {
  readonly exec: ExecPort;
  readonly calls: (readonly string[])[];
  readonly violations: (readonly string[])[];
  readonly misses: (readonly string[])[];
}

export type Override = (
  args: readonly string[],
  request: ExecRequest,
) => ExecOutput | undefined | Promise<ExecOutput | undefined>;

/**
 * `overrides` answer first (e.g. a registry that never answers); `image inspect` of several IDs
 * concatenates the recorded documents, as the engine does. An unrecorded command fails loudly.
 */
export function fixturePort(overrides: readonly Override[] = []): FixturePort {
  const calls: (readonly string[])[] = [];
  const violations: (readonly string[])[] = [];
  const misses: (readonly string[])[] = [];
  const images = localImages();
  const exec: ExecPort = async (request) => {
    const args = [...request.args];
    calls.push(args);
    if (!isReadOnlyCommand(args)) {
      violations.push(args);
      throw new Error(`not read-only: ${args.join(' ')}`);
    }
    for (const override of overrides) {
      const answer = await override(args, request);
      if (answer !== undefined) return answer;
    }
    const recorded = RECORDINGS.get(args.join(' '));
    if (recorded !== undefined)
      return { stdout: recorded.stdout, stderr: recorded.stderr, exitCode: recorded.exitCode };
    if (args[0] === 'image' && args[1] === 'inspect' && args.slice(2).every((a) => /^[a-f0-9]{12}$/.test(a))) {
      const docs = args.slice(2).map((id) => images.find((image) => image.id.startsWith(`sha256:${id}`))?.doc);
      if (docs.every((doc) => doc !== undefined))
        return { stdout: `${JSON.stringify(docs, null, 4)}\n`, stderr: '', exitCode: 0 };
    }
    if (args[0] === 'image' && args[1] === 'inspect' && args.length === 3) return noSuchImage(args[2] ?? '');
    misses.push(args);
    return { stdout: '', stderr: `fixturePort: no recording for docker ${args.join(' ')}`, exitCode: 1 };
  };
  return { exec, calls, violations, misses };
}

/** A recorded fixture's answer as an ExecOutput. */
export const answer = (name: string): ExecOutput => outputOf(loadFixture(name));

/** An extra recording's answer (test/data/recordings) as an ExecOutput. */
export const recordedAnswer = (name: string): ExecOutput => outputOf(loadRecording(name));
