/**
 * The deep check's part of `npm run bench`, measured, never asserted: through the delaying
 * proxy, with the registry reader's own counters and a counting fetch (which blob each request named):
 *  - per deep corpus image: bytes downloaded against the sum of its layer sizes, variant manifest GETs
 *    per variant, blob GETs; whether the ~30 MiB bottom layer of deep/big-base was ever requested;
 *  - a second pass over the same images with the same reader (its cache, here 1 GiB): blobs downloaded;
 *  - images are checked in corpus order with ONE reader, so an image sharing layers with an earlier one
 *    (deep/big-base's upper layers are deep/good's) downloads only what is new;
 *  - the time for 20 extension images with host binaries (copies in bench/deep-NN-*), each with a cold
 *    reader of its own, 4 at a time.
 */
import { deepCheck, deepCheckMany } from '../deepCheck/deepCheck.js';
import type { VariantFileReader } from '../deepCheck/ports.js';
import {
  createRegistryReader,
  memoryBlobCache,
  noCredentials,
  registryPlatformCheck,
  type RegistryReader,
} from '../registry/index.js';
import { RegistryCopier } from './copyImage.js';
import { startDelayProxy } from './proxy.js';

/** The open registry's deep corpus (test/env/lib/seed-deep.sh), in its order. */
export const DEEP_NAMES = [
  'good',
  'page-pattern',
  'darwin-x64-both',
  'universal',
  'missing-in-arm64',
  'whiteout',
  'scripts',
  'wrong-elf',
  'wrong-pe',
  'both-cpus',
  'compose-backend',
  'vm-self',
  'zstd',
  'big-base',
  'bad-metadata',
  'no-metadata',
  'odd-paths',
] as const;
/** Deep images whose metadata.json lists no host binaries (a backend only, or nothing readable). */
const WITHOUT_HOST_BINARIES: ReadonlySet<string> = new Set([
  'compose-backend',
  'vm-self',
  'bad-metadata',
  'no-metadata',
  'odd-paths',
]);
/** Deep images whose metadata.json lists host binaries: the 20 timed images are copies of these. */
const WITH_HOST_BINARIES = DEEP_NAMES.filter((name) => !WITHOUT_HOST_BINARIES.has(name));
const TAG = '1.0.0';
const CACHE_BYTES = 1024 * 1024 * 1024;

interface CountingFetch {
  readonly fetch: (input: URL, init: RequestInit) => Promise<Response>;
  readonly blobs: string[];
}

function countingFetch(): CountingFetch {
  const blobs: string[] = [];
  return {
    blobs,
    fetch: (input, init) => {
      const match = /\/blobs\/(sha256:[a-f0-9]{64})$/.exec(input.pathname);
      if (match?.[1] !== undefined) blobs.push(match[1]);
      return fetch(input, init);
    },
  };
}

interface ImageFigures {
  readonly name: string;
  readonly verdict: string;
  readonly variants: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly manifestGets: number;
  readonly blobGets: number;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

async function bottomLayer(
  registry: string,
  repository: string,
): Promise<{ digest: string; size: number } | undefined> {
  const copier = new RegistryCopier(registry);
  const index = await copier.getManifest(repository, TAG);
  if (index === undefined) return undefined;
  const doc = JSON.parse(new TextDecoder().decode(index.bytes)) as {
    manifests?: { digest: string; platform?: { os?: string } }[];
  };
  const first = doc.manifests?.find((m) => m.platform?.os === 'linux');
  if (first === undefined) return undefined;
  const variant = await copier.getManifest(repository, first.digest);
  if (variant === undefined) return undefined;
  const layers =
    (JSON.parse(new TextDecoder().decode(variant.bytes)) as { layers?: { digest: string; size: number }[] }).layers ??
    [];
  return layers[0];
}

export async function runDeepBench(options: {
  registry: string;
  delayMs: number;
  log: (text: string) => void;
}): Promise<string> {
  const [host, port] = options.registry.split(':');
  const proxy = await startDelayProxy({ host: host ?? '127.0.0.1', port: Number(port) }, options.delayMs);
  const lines: string[] = [];
  try {
    const ref = (repository: string): string => `${proxy.address}/${repository}:${TAG}`;
    const platformCheck = registryPlatformCheck({ credentials: noCredentials });
    const counting = countingFetch();
    // A cache budget that holds every layer pass 1 reads (the reader's default in-memory budget is 256 MiB).
    const reader: RegistryReader = createRegistryReader({
      credentials: noCredentials,
      fetch: counting.fetch,
      cache: memoryBlobCache(CACHE_BYTES),
    });
    const deps = { platformCheck, reader, site: 'cli' as const };

    options.log(`deep: pass 1 over ${DEEP_NAMES.length} deep corpus images (one reader) ...`);
    const figures: ImageFigures[] = [];
    for (const name of DEEP_NAMES) {
      const before = { ...reader.stats };
      const result = await deepCheck(ref(`deep/${name}`), deps);
      figures.push({
        name,
        verdict: result.verdict,
        variants: result.deep.variants.length,
        bytesRead: reader.stats.bytesDownloaded - before.bytesDownloaded,
        bytesTotal: result.deep.bytesTotal,
        manifestGets: reader.stats.manifestGets - before.manifestGets,
        blobGets: reader.stats.blobGets - before.blobGets,
      });
    }
    const big = await bottomLayer(options.registry, 'deep/big-base');
    const bigRequested = big !== undefined && counting.blobs.includes(big.digest);

    options.log('deep: pass 2 over the same images (same reader, its cache) ...');
    const second = { ...reader.stats };
    for (const name of DEEP_NAMES) await deepCheck(ref(`deep/${name}`), deps);
    const pass2 = {
      blobGets: reader.stats.blobGets - second.blobGets,
      bytes: reader.stats.bytesDownloaded - second.bytesDownloaded,
      manifestGets: reader.stats.manifestGets - second.manifestGets,
    };

    options.log('deep: 20 images with host binaries, a cold reader each, 4 at a time ...');
    const copier = new RegistryCopier(options.registry);
    const repositories: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const source = WITH_HOST_BINARIES[i % WITH_HOST_BINARIES.length] ?? 'good';
      const repository = `bench/deep-${String(i).padStart(2, '0')}-${source}`;
      const want = await copier.digestOf(`deep/${source}`, TAG);
      if (want !== undefined && (await copier.digestOf(repository, TAG)) !== want)
        await copier.copy(`deep/${source}`, TAG, repository, TAG);
      repositories.push(repository);
    }
    const readers = new Map<string, RegistryReader>();
    const perRepository: VariantFileReader = {
      readVariantFiles: (repo, digest, wanted, readOptions) => {
        let own = readers.get(repo.path);
        if (own === undefined) {
          own = createRegistryReader({ credentials: noCredentials });
          readers.set(repo.path, own);
        }
        return own.readVariantFiles(repo, digest, wanted, readOptions);
      },
    };
    const requestsBefore = proxy.counter.total['manifest-get'] + proxy.counter.total['blob-get'];
    const started = performance.now();
    const timed = await deepCheckMany(
      repositories.map(ref),
      { platformCheck, reader: perRepository, site: 'cli' },
      { concurrency: 4 },
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = proxy.counter.total['manifest-get'] + proxy.counter.total['blob-get'] - requestsBefore;
    const timedBytes = [...readers.values()].reduce((n, r) => n + r.stats.bytesDownloaded, 0);
    const timedTotal = timed.reduce((n, r) => n + r.deep.bytesTotal, 0);

    lines.push('', `Deep check (--deep), through the proxy (+${options.delayMs} ms per request):`, '');
    lines.push(
      '| image | verdict | variants | downloaded MiB | layers MiB | share | variant manifest GETs | blob GETs |',
    );
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const f of figures) {
      const share = f.bytesTotal > 0 ? `${((100 * f.bytesRead) / f.bytesTotal).toFixed(1)} %` : '-';
      lines.push(
        `| deep/${f.name} | ${f.verdict} | ${f.variants} | ${mib(f.bytesRead)} | ${mib(f.bytesTotal)} | ${share} | ${f.manifestGets} (${f.variants > 0 ? (f.manifestGets / f.variants).toFixed(1) : '-'} per variant) | ${f.blobGets} |`,
      );
    }
    const sumRead = figures.reduce((n, f) => n + f.bytesRead, 0);
    const sumTotal = figures.reduce((n, f) => n + f.bytesTotal, 0);
    lines.push('', `All ${figures.length} images: ${mib(sumRead)} MiB downloaded of ${mib(sumTotal)} MiB of layers.`);
    lines.push(
      big === undefined
        ? 'deep/big-base: its bottom layer could not be found.'
        : `deep/big-base: its ${mib(big.size)} MiB bottom layer ${big.digest.slice(0, 19)} was ${bigRequested ? 'REQUESTED' : 'never requested'}.`,
    );
    lines.push(
      `Second pass, same process and reader (cache budget ${mib(CACHE_BYTES)} MiB): ${pass2.blobGets} blob GETs, ${pass2.bytes} bytes downloaded, ${pass2.manifestGets} variant manifest GETs.`,
    );
    lines.push(
      `20 images with host binaries (copies of ${WITH_HOST_BINARIES.length} deep images), a cold reader each, 4 at a time: ${seconds.toFixed(2)} s, ` +
        `${requests} manifest/blob GETs through the proxy, ${mib(timedBytes)} MiB downloaded of ${mib(timedTotal)} MiB of layers; verdicts: ${[...new Set(timed.map((r) => r.verdict))].join(', ')}.`,
    );
    return `${lines.join('\n')}\n`;
  } finally {
    await proxy.close();
  }
}
