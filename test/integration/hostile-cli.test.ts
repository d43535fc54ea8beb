/**
 * The BUILT `archmatrix --deep` against the hostile registry (test/support/hostileRegistry.ts), one
 * process per image with --timeout 5s and --require linux/amd64,linux/arm64: each ends within its
 * deadline plus a few seconds, under 600 MB of resident memory (its peak, measured from /proc), with a
 * clear message, never a ready verdict (exit 1), and no stack trace; the honest control is ready (exit 0).
 * The index comes through the test environment's buildx, the files through the CLI's registry reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '@core/index.js';
import { loadTestEnv } from '../env/testEnv.js';
import { CLI, ensureCliBuilt } from '../support/cliProcess.js';
import { HOSTILE_NAMES } from '../support/hostileImages.js';
import { startHostileRegistry, type HostileRegistry } from '../support/hostileRegistry.js';
import { expectHostileOutcome } from '../support/hostileVerdicts.js';
import { mib, runWatched } from '../support/watchedProcess.js';

const env = loadTestEnv();
const DEADLINE_S = 5;
/** Its deadline plus a few seconds, generously (a shared 2-core machine; exact timings are the benchmark's). */
const ENDS_WITHIN_MS = (DEADLINE_S + 8) * 1000;
/** Past this the process is killed: it would otherwise run for an hour. */
const KILL_AFTER_MS = (DEADLINE_S + 40) * 1000;
const MAX_RSS_BYTES = 600 * 1024 * 1024;
const BOTH = 'linux/amd64,linux/arm64';

let registry: HostileRegistry;
beforeAll(async () => {
  ensureCliBuilt();
  registry = await startHostileRegistry();
}, 300_000);
afterAll(() => registry.close());

describe('archmatrix --deep --timeout 5s on each hostile image', () => {
  it.each(HOSTILE_NAMES.map((name) => [name] as const))(
    '%s',
    async (name) => {
      const image = registry.image(name);
      const internalBefore = registry.internalRequests.length;
      const run = await runWatched(
        process.execPath,
        [
          CLI,
          '--deep',
          '--json',
          '--no-progress',
          '--timeout',
          `${DEADLINE_S}s`,
          '--require',
          BOTH,
          registry.reference(name),
        ],
        { env: { ...env.env, NO_COLOR: undefined }, killAfterMs: KILL_AFTER_MS },
      );
      const facts = `${name}: exit ${String(run.code)}${run.killed ? ' (killed)' : ''} after ${Math.round(run.ms)} ms, peak ${mib(run.peakBytes)}`;
      expect.soft(run.killed, `${facts}: ended by itself`).toBe(false);
      expect.soft(run.ms, `${facts}: within its deadline plus a few seconds`).toBeLessThan(ENDS_WITHIN_MS);
      expect.soft(run.peakBytes, `${facts}: under 600 MB`).toBeLessThan(MAX_RSS_BYTES);
      expect.soft(run.code, `${facts}: --require`).toBe(name === 'honest' ? 0 : 1);
      let rows: JsonRow[] = [];
      try {
        rows = JSON.parse(run.stdout) as JsonRow[];
      } catch {
        expect.soft(run.stdout, `${facts}: JSON on stdout (stderr: ${run.stderr.slice(0, 300)})`).toBe('a JSON array');
      }
      expectHostileOutcome(image, rows[0], `${run.stdout}\n${run.stderr}`);
      const internal = registry.internalRequests.slice(internalBefore);
      expect.soft(internal, `${name}: no request reached the internal service`).toEqual([]);
    },
    KILL_AFTER_MS + 30_000,
  );
});
