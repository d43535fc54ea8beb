/**
 * The bytes of one blob as a stream: what the cache holds first, then the rest from the registry
 * (a Range request from where the cache ends). What was read is put back into the cache when the
 * stream ends or is cancelled; a complete blob only after its digest checked out.
 */
import type { ImageBytes } from '../core/inside/types.js';
import type { Descriptor, Repository } from '../core/types.js';
import { sha256Digest } from '../core/sha256.js';
import type { BlobCache } from './blobCache.js';
import { LayerProblem } from './layerStream.js';
import { anySignal, concatBytes, streamChunks } from './byteStreams.js';
import type { RegistryClient } from './registryClient.js';
import type { RequestSignals } from './request.js';

export interface ByteBudget {
  /** Bytes downloaded in this read (not counting cache hits). */
  downloaded: number;
  blobGets: number;
  /** The image's bytes this read draws on. */
  readonly image: ImageBytes;
}

/** One blob to read: where from, through which cache, within which signals and byte budget. */
export interface BlobRead {
  readonly client: RegistryClient;
  readonly cache: BlobCache;
  readonly repo: Repository;
  /** The blob as its descriptor names it. */
  readonly blob: Pick<Descriptor, 'digest' | 'size'>;
  readonly signals: RequestSignals;
  readonly budget: ByteBudget;
}

const overCap = (image: ImageBytes): LayerProblem =>
  new LayerProblem(`over the byte cap: more than ${image.max} compressed bytes for this image`);

/**
 * A blob's cache key: a complete blob was checked against its digest and is shared by digest; a partial
 * one is not checked yet, so only reads of the same repository reuse it (another registry, possibly a
 * hostile one, can never hand its bytes to this one's image).
 */
const partialKey = (repo: Repository, digest: string): string => `${repo.domain}/${repo.path}@${digest}`;

async function* blobChunks({ client, cache, repo, blob, signals, budget }: BlobRead): AsyncGenerator<Uint8Array> {
  const { digest, size } = blob;
  const whole = await cache.getBlob(digest);
  const cached = whole?.complete === true ? whole : await cache.getBlob(partialKey(repo, digest));
  const parts: Uint8Array[] = [];
  if (cached && cached.bytes.byteLength > 0) {
    parts.push(cached.bytes);
    yield cached.bytes;
  }
  if (cached?.complete) return;
  const have = cached?.bytes.byteLength ?? 0;
  // A prefix as long as the blob is all of it (the read that fetched it stopped before seeing the end).
  if (have >= size && size > 0) {
    if (cached && (await sha256Digest(cached.bytes)) === digest)
      await cache.putBlob(digest, { bytes: cached.bytes, complete: true });
    return;
  }
  // Another read of the image may have used up the cap meanwhile: no new request then.
  if (budget.image.downloaded >= budget.image.max) throw overCap(budget.image);
  budget.blobGets += 1;
  const res = await client.blob(repo, digest, signals, have);
  let skip = have - res.offset;
  let complete = false;
  try {
    for await (const chunk of streamChunks(res.body, signals.signal)) {
      budget.downloaded += chunk.byteLength;
      budget.image.downloaded += chunk.byteLength;
      if (budget.image.downloaded > budget.image.max) throw overCap(budget.image);
      const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.byteLength)) : chunk;
      skip = Math.max(0, skip - chunk.byteLength);
      if (part.byteLength === 0) continue;
      parts.push(part);
      yield part;
    }
    complete = true;
  } finally {
    const bytes = concatBytes(parts);
    if (!complete && bytes.byteLength === size) complete = true;
    if (complete) {
      if ((await sha256Digest(bytes)) === digest) await cache.putBlob(digest, { bytes, complete: true });
    } else if (bytes.byteLength > have) {
      await cache.putBlob(partialKey(repo, digest), { bytes, complete: false });
    }
  }
}

export interface BlobStream {
  readonly stream: ReadableStream<Uint8Array>;
  /** Stops the download if it still runs and resolves once what was read is in the cache. */
  close(): Promise<void>;
}

/** A ReadableStream over the blob; cancelling it or close() stops the download. */
export function blobStream(read: BlobRead): BlobStream {
  // Stopping must reach a download that is waiting for bytes: abort its request, then let the generator finish.
  const stop = new AbortController();
  const signals: RequestSignals = { ...read.signals, signal: anySignal([read.signals.signal, stop.signal]) };
  const chunks = blobChunks({ ...read, signals });
  let finished = false;
  const close = async (): Promise<void> => {
    if (!finished) stop.abort();
    finished = true;
    await chunks.return(undefined).catch(() => undefined);
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          finished = true;
          controller.close();
        } else controller.enqueue(next.value);
      } catch (e) {
        finished = true;
        controller.error(e);
      }
    },
    cancel: close,
  });
  return { stream, close };
}
