/** Reading a registry answer's body: up to a cap (a longer one is a hostile or wrong answer), or not at all. */
import { failure } from './httpFailure.js';
import { concatBytes, streamChunks } from './byteStreams.js';

/** Reads a body up to `max` bytes; more is a failure (a hostile or wrong answer). */
export async function readCapped(res: Response, max: number, what: string, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw failure('error', `${what} is ${declared} bytes, more than the ${max} accepted`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of streamChunks(res.body, signal)) {
      total += chunk.byteLength;
      if (total > max) {
        throw failure('error', `${what} is more than the ${max} bytes accepted`);
      }
      chunks.push(chunk);
    }
  }
  return concatBytes(chunks);
}

/** Cancels the body of an answer that is not read, so it does not hold its connection open. */
export async function drain(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}
