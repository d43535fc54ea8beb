/**
 * The bytes of one blob as a stream: what the cache holds first, then the rest from the registry
 * (a Range request from where the cache ends). What was read is put back into the cache when the
 * stream ends or is cancelled; a complete blob only after its digest checked out. The layer is cut at the
 * size its descriptor declares, and a layer read to its end that does not match its digest is an error
 * (DigestMismatch), never cached.
 */
import type { ImageBytes } from '../core/inside/types.js';
import type { Descriptor, Repository } from '../core/types.js';
import type { BlobCache } from './blobCache.js';
import { createHash } from 'node:crypto';
import { registryWait, type LayerProgress } from './layerDeadline.js';
import { DigestMismatch, LayerProblem } from './layerProblem.js';
import { linkedSignal } from '../core/anySignal.js';
import { slices, streamChunks } from './byteStreams.js';
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
  /** Where the read of the layer is (its bytes at hand, its waits for the registry), for a deadline's message. */
  readonly progress?: LayerProgress;
}

const overCap = (image: ImageBytes): LayerProblem =>
  new LayerProblem(`over the byte cap: more than ${image.max} compressed bytes for this image`);

/**
 * A blob's cache key: a complete blob was checked against its digest and is shared by digest; a partial
 * one is not checked yet, so only reads of the same repository reuse it (another registry, possibly a
 * hostile one, can never hand its bytes to this one's image).
 */
const partialKey = (repo: Repository, digest: string): string => `${repo.domain}/${repo.path}@${digest}`;

/** The digest of the bytes kept so far, computed once (hashing consumes the hash). */
function digestCheck(digest: string): { add(part: Uint8Array): void; matches(): boolean; differs(): boolean } {
  const hash = createHash('sha256');
  let verdict: 'unchecked' | 'matches' | 'differs' = 'unchecked';
  return {
    add: (part) => hash.update(part),
    matches() {
      if (verdict === 'unchecked') verdict = `sha256:${hash.digest('hex')}` === digest ? 'matches' : 'differs';
      return verdict === 'matches';
    },
    differs: () => verdict === 'differs',
  };
}

async function* blobChunks(read: BlobRead): AsyncGenerator<Uint8Array> {
  const { client, cache, repo, blob, signals, budget, progress } = read;
  const { digest, size } = blob;
  const whole = await cache.getBlob(digest);
  if (whole?.complete) {
    // Checked against its digest when it was put.
    for (const chunk of whole.chunks)
      for (const slice of slices(chunk)) {
        if (progress) progress.blobBytes += slice.byteLength;
        yield slice;
      }
    return;
  }
  const prefix = await cache.getBlob(partialKey(repo, digest));
  const fromCache = prefix?.byteLength ?? 0;
  // The pieces read, kept for the cache as they are (no copy), and hashed on the way.
  const kept: Uint8Array[] = [];
  let have = 0;
  const check = digestCheck(digest);
  const keep = (part: Uint8Array): void => {
    kept.push(part);
    have += part.byteLength;
    check.add(part);
    if (progress) progress.blobBytes = have;
  };
  try {
    for (const chunk of prefix?.chunks ?? []) {
      const part = chunk.subarray(0, Math.max(0, size - have));
      if (part.byteLength === 0) break;
      keep(part);
      yield* slices(part);
    }
    // A prefix as long as the blob is all of it (the read that fetched it stopped before seeing the end).
    if (have < size) {
      // Another read of the image may have used up the cap meanwhile: no new request then.
      if (budget.image.downloaded >= budget.image.max) throw overCap(budget.image);
      budget.blobGets += 1;
      const res = await registryWait(progress, client.blob(repo, digest, signals, have));
      let skip = have - res.offset;
      // Iterated by hand so that each wait for the answer's next bytes counts as a wait for the registry.
      const body = streamChunks(res.body, signals.signal);
      try {
        for (;;) {
          const next = await registryWait(progress, body.next());
          if (next.done) break;
          const chunk = next.value;
          budget.downloaded += chunk.byteLength;
          budget.image.downloaded += chunk.byteLength;
          if (budget.image.downloaded > budget.image.max) throw overCap(budget.image);
          let part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.byteLength)) : chunk;
          skip = Math.max(0, skip - chunk.byteLength);
          if (part.byteLength === 0) continue;
          // The manifest's size is the layer's size: what comes past it is cut off, and the layer is not read.
          const tooLong = have + part.byteLength > size;
          if (tooLong) part = part.subarray(0, size - have);
          keep(part);
          yield* slices(part);
          if (tooLong)
            throw new LayerProblem(`the registry sent more than the ${size} bytes the manifest declares for the layer`);
        }
      } finally {
        await body.return(undefined);
      }
    }
    if (have < size)
      throw new LayerProblem(`the download ended after ${have} of the ${size} bytes the manifest declares`);
    if (!check.matches())
      throw new DigestMismatch(
        `the layer's bytes do not match its digest ${digest.slice(0, 19)}, so nothing read from it is used`,
      );
  } finally {
    if (have === size && check.matches()) {
      await cache.putBlob(digest, { chunks: kept, byteLength: have, complete: true });
    } else if (have < size && have > fromCache && !check.differs()) {
      await cache.putBlob(partialKey(repo, digest), { chunks: kept, byteLength: have, complete: false });
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
  const linked = linkedSignal([read.signals.signal, stop.signal]);
  const signals: RequestSignals = { ...read.signals, signal: linked.signal };
  const chunks = blobChunks({ ...read, signals });
  let finished = false;
  const close = async (): Promise<void> => {
    if (!finished) stop.abort();
    finished = true;
    await chunks.return(undefined).catch(() => undefined);
    linked.dispose();
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          finished = true;
          linked.dispose();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (e) {
        finished = true;
        linked.dispose();
        controller.error(e);
      }
    },
    cancel: close,
  });
  return { stream, close };
}
