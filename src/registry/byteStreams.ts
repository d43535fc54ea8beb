/** Byte helpers of the registry layer. */

/** The largest piece handed down the layer pipeline at once: a cached blob is passed on in such slices. */
export const SLICE_BYTES = 64 * 1024;

/** `chunk` in pieces of at most `max` bytes (views, no copy). */
export function* slices(chunk: Uint8Array, max = SLICE_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < chunk.byteLength; at += max) yield chunk.subarray(at, Math.min(at + max, chunk.byteLength));
}

/**
 * A ReadableStream pulling from an async generator: one value per pull (so the reader's pace is the
 * generator's), and cancelling the stream returns the generator (its finally blocks run).
 */
export function generatorStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await chunks.return(undefined).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The parts joined into one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Iterates a web ReadableStream with its reader (portable: not every ReadableStream type is
 * async-iterable); stopping early cancels it. When `signal` aborts, a pending read is ended by
 * cancelling the reader and the iteration throws the abort reason: on Node 20 an aborted fetch does
 * not always end a read of its body (seen with a fully received 206 answer), so the abort is not left to fetch.
 */
export async function* streamChunks(
  stream: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Not awaited: cancelling a body whose request was just aborted can stay pending for ever.
    if (!finished) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
