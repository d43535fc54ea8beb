/** What the tests of inspectImage share: the two hosts, the --raw call, the port's checks, recorded local images. */
import { expect } from 'vitest';
import { parseImageInspect } from '@core/index.js';
import type { LocalImage, Platform } from '@core/index.js';
import type { FixturePort } from './fixturePort.js';
import { loadFixture } from './recordings.js';

export const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
export const ARM64: Platform = { os: 'linux', architecture: 'arm64' };
/** The one registry call of a multi-platform image: `buildx imagetools inspect REF --raw`. */
export const rawArgv = (ref: string): string[] => ['buildx', 'imagetools', 'inspect', ref, '--raw'];

/** Every command the port ran was allowed and recorded. */
export function clean(port: FixturePort): void {
  expect(port.violations).toEqual([]);
  expect(port.misses).toEqual([]);
}

/** The engine's image inspect of a recorded fixture, parsed. */
export function localImage(fixture: string): LocalImage {
  const parsed = parseImageInspect(loadFixture(fixture).stdout);
  if (!parsed.ok || parsed.value[0] === undefined) throw new Error(`test setup: ${fixture} should parse`);
  return parsed.value[0];
}
