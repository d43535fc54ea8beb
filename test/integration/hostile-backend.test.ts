/**
 * The BUILT backend process against the hostile registry (test/support/hostileRegistry.ts).
 * Each image, one job with ARCHMATRIX_BACKEND_DEADLINE=5: the job ends within its deadline plus a few
 * seconds, the process stays under 600 MB (its peak from /proc), and the row
 * is never ready and says what went wrong (the honest control is ready).
 * Liveness, with a deadline long enough that the bomb is still being read: /health answers within a
 * second again and again, and a DELETE answers within a second and ends the job.
 * Each image gets a backend process of its own, so that one left stuck or bloated by an image never
 * counts against the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import type { JsonRow } from '@core/index.js';
import { ensureCliBuilt } from '../support/cliProcess.js';
import { startBackend, type BackendProcess } from '../support/backendProcess.js';
import { HOSTILE_NAMES, type HostileName } from '../support/hostileImages.js';
import { startHostileRegistry, type HostileRegistry } from '../support/hostileRegistry.js';
import { expectHostileOutcome } from '../support/hostileVerdicts.js';
import { mib } from '../support/watchedProcess.js';

const DEADLINE_S = 5;
const ENDS_WITHIN_MS = (DEADLINE_S + 8) * 1000;
/** Past this the job is given up on (DELETE) and the backend replaced. */
const GIVE_UP_MS = (DEADLINE_S + 40) * 1000;
const MAX_RSS_BYTES = 600 * 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let registry: HostileRegistry;
beforeAll(async () => {
  ensureCliBuilt();
  registry = await startHostileRegistry();
}, 300_000);
afterAll(() => registry.close());

/** Runs `test` against a backend process of its own, stopped afterwards whatever happens. */
async function withBackend(deadlineSeconds: number, test: (backend: BackendProcess) => Promise<void>): Promise<void> {
  const backend = await startBackend({ ARCHMATRIX_BACKEND_DEADLINE: String(deadlineSeconds) });
  try {
    await test(backend);
  } finally {
    await backend.stop();
  }
}

const snapshotOf = (json: unknown): DeepJobSnapshot | undefined => json as DeepJobSnapshot | undefined;

async function post(backend: BackendProcess, name: HostileName): Promise<DeepJobSnapshot | undefined> {
  const posted = await backend.ask(
    { method: 'POST', path: '/deep', body: { references: [registry.reference(name)] } },
    2_000,
  );
  expect(posted?.status, `${name}: POST /deep answered 202`).toBe(202);
  return snapshotOf(posted?.json);
}

describe('the built backend on each hostile image (ARCHMATRIX_BACKEND_DEADLINE=5)', () => {
  it.each(HOSTILE_NAMES.map((name) => [name] as const))(
    '%s',
    (name) =>
      withBackend(DEADLINE_S, async (backend) => {
        const image = registry.image(name);
        const internalBefore = registry.internalRequests.length;
        const started = performance.now();
        const created = await post(backend, name);
        if (created === undefined) return;
        let job: DeepJobSnapshot = created;
        let unanswered = 0;
        while (job.state === 'running' && performance.now() - started < GIVE_UP_MS) {
          await sleep(250);
          const polled = snapshotOf((await backend.ask({ path: `/deep/${job.id}` }, 2_000))?.json);
          if (polled === undefined) unanswered += 1;
          else job = polled;
        }
        const ms = performance.now() - started;
        if (job.state === 'running') await backend.ask({ method: 'DELETE', path: `/deep/${job.id}` }, 2_000);
        const facts = `${name}: job ${job.state} after ${Math.round(ms)} ms, ${unanswered} polls unanswered, peak ${mib(backend.memory.peakBytes())}`;
        expect.soft(job.state, `${facts}: the job ended`).toBe('done');
        expect.soft(ms, `${facts}: within its deadline plus a few seconds`).toBeLessThan(ENDS_WITHIN_MS);
        expect.soft(unanswered, `${facts}: every poll answered within 2 s`).toBe(0);
        expect.soft(backend.memory.peakBytes(), `${facts}: under 600 MB`).toBeLessThan(MAX_RSS_BYTES);
        const item = job.items[0];
        expect
          .soft(item?.state, `${facts}: the item is done (a row), not failed (${item?.error?.message ?? ''})`)
          .toBe('done');
        expectHostileOutcome(image, item?.result as JsonRow | undefined, JSON.stringify(job));
        expect
          .soft(registry.internalRequests.slice(internalBefore), `${name}: no request reached the internal service`)
          .toEqual([]);
      }),
    GIVE_UP_MS + 30_000,
  );
});

/** Bombs that keep a reader busy: the backend must stay responsive while reading each. */
const BOMBS: readonly HostileName[] = [
  'zstd-window-1920m',
  'zstd-output',
  'gzip-bomb',
  'deep-pax',
  'endless',
  'many-variants',
];

describe('liveness: the backend while it reads a bomb', () => {
  it.each(BOMBS.map((name) => [name] as const))(
    '%s: /health answers within a second, and a DELETE answers within a second and ends the job',
    (name) =>
      // A long deadline: the bomb is still being read when /health and DELETE are asked.
      withBackend(60, async (backend) => {
        const created = await post(backend, name);
        if (created === undefined) return;
        await sleep(1_000);
        const slow: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          const t0 = performance.now();
          const health = await backend.ask({ path: '/health' }, 1_000);
          if (health?.status !== 200) slow.push(`/health #${i + 1}: no answer within 1 s`);
          else if (performance.now() - t0 >= 1_000)
            slow.push(`/health #${i + 1}: ${Math.round(performance.now() - t0)} ms`);
          await sleep(200);
        }
        expect.soft(slow, `${name}: /health answered within a second each time`).toEqual([]);
        const deleted = await backend.ask({ method: 'DELETE', path: `/deep/${created.id}` }, 1_000);
        expect.soft(deleted?.status, `${name}: DELETE answered within a second`).toBe(200);
        const deletedAt = performance.now();
        let job = snapshotOf(deleted?.json);
        while (
          (job === undefined || job.items.some((i) => i.state === 'queued' || i.state === 'running')) &&
          performance.now() - deletedAt < 3_000
        ) {
          await sleep(100);
          job = snapshotOf((await backend.ask({ path: `/deep/${created.id}` }, 1_000))?.json) ?? job;
        }
        const over = job !== undefined && job.items.every((i) => i.state !== 'queued' && i.state !== 'running');
        expect.soft(over, `${name}: the job and its check ended within 3 s of the DELETE`).toBe(true);
        expect.soft(await backend.answers(1_000), `${name}: /health still answers after`).toBe(true);
      }),
    60_000,
  );
});
