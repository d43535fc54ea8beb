/**
 * The backend stays responsive while its deep checks keep the CPU busy (as a decompression bomb does,
 * read by a reader that yields every 50 ms): /health answers within a second, and a DELETE answers
 * within a second and ends the job's checks. Over a real Unix socket, as Docker Desktop's proxy calls it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeepJobSnapshot } from '@wire/backendApi.js';
import { createBackend, type Backend } from '@backend/app.js';
import { callSocket, type SocketReply, type SocketRequest } from '../../support/socketClient.js';
import { busyDeepCheck } from '../../support/fakeDeepCheck.js';

const INFO = { version: '1.2.3', node: process.version, arch: process.arch };
let dir: string;
let sock: string;
let backend: Backend;
let busy: ReturnType<typeof busyDeepCheck>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archmatrix-liveness-'));
  sock = join(dir, 'b.sock');
  busy = busyDeepCheck(50);
  backend = createBackend({ deepCheck: busy.deepCheck, info: INFO, sweepEveryMs: 0, jobLimits: { concurrency: 4 } });
  await backend.listen(sock);
});

afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The request's answer and how long it took. */
async function timed(request: SocketRequest): Promise<{ reply: SocketReply; ms: number }> {
  const started = performance.now();
  const reply = await callSocket(sock, request);
  return { reply, ms: performance.now() - started };
}

const busyFor = async (slices: number): Promise<void> => {
  const target = busy.slices() + slices;
  while (busy.slices() < target) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the backend while four checks keep the CPU busy', () => {
  it('answers /health within a second, again and again', async () => {
    const posted = await callSocket(sock, {
      method: 'POST',
      path: '/deep',
      body: { references: ['a', 'b', 'c', 'd'] },
    });
    expect(posted.status).toBe(202);
    await busyFor(8);
    for (let i = 0; i < 5; i += 1) {
      const { reply, ms } = await timed({ path: '/health' });
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({ jobs: { running: 1, queuedItems: 4 } });
      expect(ms).toBeLessThan(1_000);
    }
  }, 20_000);

  it('answers a DELETE within a second, and the checks end within a second after it', async () => {
    const posted = await callSocket(sock, {
      method: 'POST',
      path: '/deep',
      body: { references: ['a', 'b', 'c', 'd'] },
    });
    const { id } = posted.json as DeepJobSnapshot;
    await busyFor(8);
    const { reply, ms } = await timed({ method: 'DELETE', path: `/deep/${id}` });
    expect(ms).toBeLessThan(1_000);
    expect(reply.json).toMatchObject({ state: 'cancelled', cancelReason: 'client' });
    const cancelledAt = performance.now();
    await backend.jobs?.settled(id);
    expect(performance.now() - cancelledAt).toBeLessThan(1_000);
    const after = busy.slices();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(busy.slices()).toBe(after);
    const job = (await callSocket(sock, { path: `/deep/${id}` })).json as DeepJobSnapshot;
    expect(job.items.map((item) => item.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  }, 20_000);
});
