/**
 * The one loader of recorded command outputs, for every suite:
 * - fixtures: test/data/fixtures, real runs of docker/buildx on the recording rig (see its README);
 * - recordings: test/data/recordings, the few extra real outputs the fixtures lack (see record.sh there).
 * The shape is checked, so a test never runs on a half-read file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Recording {
  /** The file name without `.json`. */
  readonly name: string;
  /** The docker / buildx that printed it. */
  readonly tool: string;
  readonly argv: readonly string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a command printed, as an ExecPort returns it. */
export interface RecordedOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

// Plain paths, not URL objects: under jsdom the global URL is not the one node:fs accepts.
const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = join(HERE, '..', 'data', 'fixtures');
export const RECORDING_DIR = join(HERE, '..', 'data', 'recordings');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the recorded shape {tool: string, argv: string[], exitCode: integer, stdout: string, stderr: string}. */
export function toRecording(name: string, value: unknown): Recording {
  if (!isObject(value)) throw new Error(`recording ${name}: not a JSON object`);
  const { tool, argv, exitCode, stdout, stderr } = value;
  if (typeof tool !== 'string') throw new Error(`recording ${name}: tool is not a string`);
  if (!Array.isArray(argv) || !argv.every((a): a is string => typeof a === 'string')) {
    throw new Error(`recording ${name}: argv is not a list of strings`);
  }
  if (typeof exitCode !== 'number' || !Number.isInteger(exitCode))
    throw new Error(`recording ${name}: exitCode is not an integer`);
  if (typeof stdout !== 'string') throw new Error(`recording ${name}: stdout is not a string`);
  if (typeof stderr !== 'string') throw new Error(`recording ${name}: stderr is not a string`);
  return { name, tool, argv, exitCode, stdout, stderr };
}

function load(dir: string, name: string): Recording {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad recording name: ${name}`);
  return toRecording(name, JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown);
}

/** loadFixture('good.imagetools-raw') reads test/data/fixtures/good.imagetools-raw.json. */
export const loadFixture = (name: string): Recording => load(FIXTURE_DIR, name);

/** loadRecording('buildx-missing.buildx-version') reads test/data/recordings/buildx-missing.buildx-version.json. */
export const loadRecording = (name: string): Recording => load(RECORDING_DIR, name);

/** Names (without .json) of the fixtures whose name matches, e.g. /\.imagetools-raw$/; index.json excluded. */
export function fixtureNames(pattern: RegExp): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => f.slice(0, -'.json'.length))
    .filter((n) => pattern.test(n))
    .sort();
}

/** Only what the command printed and its exit code. */
export const outputOf = (recording: Recording): RecordedOutput => ({
  stdout: recording.stdout,
  stderr: recording.stderr,
  exitCode: recording.exitCode,
});
