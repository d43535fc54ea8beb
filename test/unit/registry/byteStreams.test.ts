/** The registry layer's byte and signal helpers: combined signals, capped bodies, slices. */
import { describe, expect, it } from 'vitest';
import { anySignal } from '@core/anySignal.js';
import { slices } from '@registry/byteStreams.js';
import { readCapped } from '@registry/responseBody.js';
import { requestSignals } from '@registry/request.js';
import { extensionImage, failureOf, readOnce } from '../../support/readerFixtures.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';

const { registry } = fakeServersPerTest();

/** A body of `total` bytes in 1000-byte chunks, with no Content-Length. */
const streamed = (total: number): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < total; at += 1000) controller.enqueue(new Uint8Array(Math.min(1000, total - at)));
        controller.close();
      },
    }),
  );

describe('byte and signal helpers', () => {
  it('anySignal is aborted at once when one of its signals already is, with that reason', () => {
    const live = new AbortController();
    const combined = anySignal([live.signal, AbortSignal.abort('already')]);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('already');
    const later = new AbortController();
    const waiting = anySignal([live.signal, later.signal]);
    expect(waiting.aborted).toBe(false);
    later.abort('now');
    expect(waiting.reason).toBe('now');
  });

  it('a read whose cancel is already aborted makes no request and says cancelled', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const signals = requestSignals(60_000, AbortSignal.abort());
    expect(signals.signal.aborted).toBe(true);
    const before = reg.log.length;
    const f = failureOf(await readOnce(reg, digest, ['/x'], { platform: 'linux/amd64', signal: AbortSignal.abort() }));
    expect(f.kind).toBe('cancelled');
    expect(reg.log.length).toBe(before);
  });

  it('a body without Content-Length is cut at the cap as it streams', async () => {
    expect((await readCapped(streamed(5000), 5000, 'the answer')).byteLength).toBe(5000);
    await expect(readCapped(streamed(5001), 5000, 'the answer')).rejects.toThrow(
      'the answer is more than the 5000 bytes accepted',
    );
    const declared = new Response(new Uint8Array(10), { headers: { 'content-length': '10' } });
    await expect(readCapped(declared, 9, 'the answer')).rejects.toThrow(
      'the answer is 10 bytes, more than the 9 accepted',
    );
  });

  it('a manifest streamed without Content-Length over 4 MiB is refused', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/manifests/')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      for (let i = 0; i < 5; i += 1) res.write(new Uint8Array(1024 * 1024).fill(32));
      res.end();
      return true;
    };
    const f = failureOf(await readOnce(reg, digest, ['/x'], { platform: 'linux/amd64' }));
    expect(f.message).toContain(`the manifest ${digest} is more than the 4194304 bytes accepted`);
  });

  it('slices cut a chunk into views of at most the given size', () => {
    const parts = [
      ...slices(
        new Uint8Array(10).map((_, i) => i),
        4,
      ),
    ];
    expect(parts.map((p) => [...p])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect([...slices(new Uint8Array(0), 4)]).toEqual([]);
  });
});
