/**
 * Loads the recorded command outputs in test/data/fixtures (real runs of docker/buildx, see its README).
 * The shape is checked, so a test never runs on a half-read fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Fixture {
  readonly name: string;
  readonly argv: readonly string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIXTURE_DIR = fileURLToPath(new URL('../data/fixtures/', import.meta.url));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the recorded shape {argv: string[], exitCode: number, stdout: string, stderr: string}. */
export function toFixture(name: string, value: unknown): Fixture {
  if (!isObject(value)) throw new Error(`fixture ${name}: not a JSON object`);
  const { argv, exitCode, stdout, stderr } = value;
  if (!Array.isArray(argv) || !argv.every((a): a is string => typeof a === 'string')) {
    throw new Error(`fixture ${name}: argv is not a list of strings`);
  }
  if (typeof exitCode !== 'number' || !Number.isInteger(exitCode)) throw new Error(`fixture ${name}: exitCode is not an integer`);
  if (typeof stdout !== 'string') throw new Error(`fixture ${name}: stdout is not a string`);
  if (typeof stderr !== 'string') throw new Error(`fixture ${name}: stderr is not a string`);
  return { name, argv, exitCode, stdout, stderr };
}

/** loadFixture('good.imagetools-raw') reads test/data/fixtures/good.imagetools-raw.json. */
export function loadFixture(name: string): Fixture {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad fixture name: ${name}`);
  const text = readFileSync(`${FIXTURE_DIR}${name}.json`, 'utf8');
  return toFixture(name, JSON.parse(text) as unknown);
}

/** Names (without .json) of the fixtures whose name matches, e.g. /\.imagetools-raw$/; index.json excluded. */
export function fixtureNames(pattern: RegExp): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => f.slice(0, -'.json'.length))
    .filter((n) => pattern.test(n))
    .sort();
}
