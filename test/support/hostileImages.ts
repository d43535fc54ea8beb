/**
 * The crafted images the hostile registry serves (test/support/hostileRegistry.ts), each an index of
 * linux/amd64 and linux/arm64 (one more: ten variants) under hostile/<name>:1.0.0, and what a sound deep
 * check must end with for it. Bytes are built in code, in milliseconds: bombs from repeated compressed
 * sections (gzipBytes.ts) and hand-written zstd frames (zstdFrames.ts), tar by hand (tarBytes.ts).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { endlessGzipChunk, endlessGzipStart, gzipWithZeros } from './gzipBytes.js';
import { concatBytes, zstdFrame } from './zstdFrames.js';
import { paxHeader, paxRecord, tarEnd, tarFile, tarHeader, tarOfFiles } from './tarBytes.js';

export const HOSTILE_TAG = '1.0.0';

/** How the registry answers a blob GET. */
export type BlobServe =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** `start`, then `chunk` again and again until the client goes away (no Content-Length). */
  | { readonly kind: 'endless'; readonly start: Uint8Array; readonly chunk: Uint8Array }
  | { readonly kind: 'redirect'; readonly location: string };

/** A layer as its descriptor states it, and how its blob is served (which may contradict the descriptor). */
export interface LayerSpec {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly serve: BlobServe;
}

export interface StoredManifest {
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** Everything the registry serves: manifests by digest, tags, blobs by digest. */
export interface RegistryContent {
  readonly manifests: Map<string, StoredManifest>;
  /** "repository:tag" -> manifest digest. */
  readonly tags: Map<string, string>;
  /** "repository@digest" -> the blob's answer (each repository its own, as in a real registry). */
  readonly blobs: Map<string, BlobServe>;
}

export const HOSTILE_NAMES = [
  'honest',
  'zstd-window',
  'zstd-window-1920m',
  'zstd-output',
  'gzip-bomb',
  'deep-pax',
  'endless',
  'oversized',
  'digest-mismatch',
  'redirect-port',
  'redirect-scheme',
  'redirect-link-local',
  'deep-json',
  'deep-yaml',
  'alias-yaml',
  'many-variants',
] as const;
export type HostileName = (typeof HOSTILE_NAMES)[number];

export interface HostileImage {
  readonly name: HostileName;
  readonly repository: string;
  /** What it is, for test names. */
  readonly what: string;
  /**
   * Words a sound check says about it (in its message, notes or fix; the image's own name is blanked
   * out before matching). The honest image is the control: it must be ready.
   */
  readonly says: RegExp;
}

const GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
const MiB = 1024 * 1024;

export const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** Served as it is, described truthfully. */
const honest = (mediaType: string, bytes: Uint8Array): LayerSpec => ({
  mediaType,
  digest: sha256(bytes),
  size: bytes.byteLength,
  serve: { kind: 'bytes', bytes },
});

/** An extension's metadata.json with nothing to check inside but itself: a sound image is ready. */
const PLAIN_METADATA = JSON.stringify({ icon: 'docker.svg', ui: { 'dashboard-tab': { title: 'x', root: '/ui' } } });
const metadataEntry = (): Uint8Array => tarFile('metadata.json', PLAIN_METADATA);
const gzipTar = (files: readonly (readonly [string, Uint8Array | string])[]): Uint8Array =>
  new Uint8Array(gzipSync(tarOfFiles(files)));

/**
 * A zstd layer: a filler file of `zeros` bytes as RLE blocks, then metadata.json, in a frame whose window is
 * 2^windowLog × (1 + mantissa/8) bytes.
 */
function zstdLayer(windowLog: number, zeros: number, mantissa = 0): Uint8Array {
  return zstdFrame(
    windowLog,
    [
      { raw: tarHeader('filler.bin', zeros) },
      { byte: 0, count: zeros },
      { raw: concatBytes([metadataEntry(), tarEnd()]) },
    ],
    mantissa,
  );
}

/** A gzip layer of a filler file of `sections` × 16 MiB zeros, then metadata.json; `tag` makes it unique. */
const gzipBomb = (sections: number, tag = ''): Uint8Array =>
  gzipWithZeros(tarHeader(`filler${tag}.bin`, sections * 16 * MiB), sections, concatBytes([metadataEntry(), tarEnd()]));

/**
 * 20 000 empty files, each named by one pax global header's 2 MB path, a million levels deep under
 * /metadata.json (the path the check wants first, so every entry is looked at closely). tar-stream applies
 * a global header to an entry through that entry's own pax header, so each file has a small one.
 */
function deepPaxLayer(): Uint8Array {
  const own = paxHeader(paxRecord('mtime', '0'), 'x');
  const entries = Array.from({ length: 20_000 }, (_, i) => concatBytes([own, tarHeader(`f${i}`, 0)]));
  const path = `metadata.json/${'a/'.repeat(1_000_000)}f`;
  return new Uint8Array(gzipSync(concatBytes([paxHeader(paxRecord('path', path), 'g'), ...entries, tarEnd()])));
}

/** metadata.json nesting 100 000 arrays deep. */
const deepJson = (): string => `{"icon":"docker.svg","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

const COMPOSE_METADATA = JSON.stringify({ icon: 'docker.svg', vm: { composefile: 'docker-compose.yaml' } });
/** A compose file nesting 100 000 flow sequences deep. */
const deepYaml = (): string =>
  `services:\n  app:\n    image: alpine\n    x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
/** A compose file of nine levels of nine aliases each (9^9 nodes once expanded), used 10 000 times more. */
function aliasYaml(): string {
  const levels = 'abcdefghi'.split('');
  const lines = levels.map((name, i) =>
    i === 0
      ? `x-${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
      : `x-${name}: &${name} [${Array(9)
          .fill(`*${levels[i - 1] ?? 'a'}`)
          .join(', ')}]`,
  );
  return `${lines.join('\n')}\nx-many: [${Array(10_000).fill('*i').join(', ')}]\nservices:\n  app:\n    image: alpine\n    x: *i\n`;
}

/** Registry-side addresses the redirects point at. */
export interface Elsewhere {
  /** A loopback service on another port (say, an engine API): a redirect there must not be followed. */
  readonly internalOrigin: string;
}

type Platform = { readonly os: string; readonly architecture: string; readonly variant?: string };
const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };
const TEN: readonly Platform[] = [
  AMD64,
  ARM64,
  { os: 'linux', architecture: 'arm', variant: 'v7' },
  { os: 'linux', architecture: 'arm', variant: 'v6' },
  { os: 'linux', architecture: '386' },
  { os: 'linux', architecture: 'ppc64le' },
  { os: 'linux', architecture: 's390x' },
  { os: 'linux', architecture: 'riscv64' },
  { os: 'linux', architecture: 'mips64le' },
  { os: 'linux', architecture: 'loong64' },
];

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** Stores an index of these variants (each its own manifest and config) under repository:HOSTILE_TAG. */
function addIndex(
  content: RegistryContent,
  repository: string,
  variants: readonly { readonly platform: Platform; readonly layers: readonly LayerSpec[] }[],
): void {
  const entries = variants.map(({ platform, layers }) => {
    const config = text(JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
    content.blobs.set(`${repository}@${sha256(config)}`, { kind: 'bytes', bytes: config });
    for (const layer of layers) content.blobs.set(`${repository}@${layer.digest}`, layer.serve);
    const manifest = text(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256(config),
          size: config.byteLength,
        },
        layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
      }),
    );
    content.manifests.set(sha256(manifest), { mediaType: OCI_MANIFEST, bytes: manifest });
    return { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.byteLength, platform };
  });
  const index = text(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }));
  content.manifests.set(sha256(index), { mediaType: OCI_INDEX, bytes: index });
  content.tags.set(`${repository}:${HOSTILE_TAG}`, sha256(index));
}

/** Both Desktop variants with the same layers. */
const both = (layers: readonly LayerSpec[]) => [AMD64, ARM64].map((platform) => ({ platform, layers }));

const redirected = (location: string): LayerSpec => {
  // The layer it claims to be: harmless, so that only following the redirect could make it ready.
  const bytes = gzipTar([['metadata.json', PLAIN_METADATA]]);
  return { mediaType: GZIP, digest: sha256(bytes), size: bytes.byteLength, serve: { kind: 'redirect', location } };
};

const UNCOMPRESSED = /uncompressed|per-image limit|deadline|took longer/i;

/** Builds every hostile image into `content`; returns them in HOSTILE_NAMES order. */
export function buildHostileImages(content: RegistryContent, elsewhere: Elsewhere): HostileImage[] {
  const images: HostileImage[] = [];
  const add = (
    name: HostileName,
    what: string,
    says: RegExp,
    variants: readonly { readonly platform: Platform; readonly layers: readonly LayerSpec[] }[],
  ): void => {
    const repository = `hostile/${name}`;
    addIndex(content, repository, variants);
    images.push({ name, repository, what, says });
  };

  add(
    'honest',
    'an honest extension (the control: ready)',
    /./,
    both([honest(GZIP, gzipTar([['metadata.json', PLAIN_METADATA]]))]),
  );
  // 2 GiB, as `zstd --long=31` declares; and 1920 MiB, the most fzstd takes (it allocates it and shifts it every block).
  add(
    'zstd-window',
    'a zstd layer whose frame declares a 2 GiB window',
    /window/i,
    both([honest(ZSTD, zstdLayer(31, 64 * MiB))]),
  );
  add(
    'zstd-window-1920m',
    'a zstd layer whose frame declares a 1920 MiB window',
    /window/i,
    both([honest(ZSTD, zstdLayer(30, 64 * MiB, 7))]),
  );
  add(
    'zstd-output',
    'a zstd layer of 4 GiB of zeros in 128 KB',
    UNCOMPRESSED,
    both([honest(ZSTD, zstdLayer(17, 4096 * MiB))]),
  );
  add('gzip-bomb', 'a gzip layer of 4 GiB of zeros in 4 MB', UNCOMPRESSED, both([honest(GZIP, gzipBomb(256))]));
  add(
    'deep-pax',
    '20 000 tar entries under a 2 MB-deep pax path',
    /entries|path|deadline|took longer|limit/i,
    both([honest(GZIP, deepPaxLayer())]),
  );

  const endlessStart = endlessGzipStart(tarHeader('endless.bin', 0o77777777777));
  add(
    'endless',
    'a layer declared as 1 MiB whose blob never ends',
    /size|more than|longer than|deadline/i,
    both([
      {
        mediaType: GZIP,
        digest: sha256(endlessStart),
        size: MiB,
        serve: { kind: 'endless', start: endlessStart, chunk: endlessGzipChunk() },
      },
    ]),
  );

  const long = new Uint8Array(
    gzipSync(concatBytes([tarFile('filler.bin', new Uint8Array(32 * MiB)), metadataEntry(), tarEnd()]), { level: 0 }),
  );
  add(
    'oversized',
    'a layer declared as 1024 bytes that streams 32 MiB',
    /size|more than|longer than|1024/i,
    both([{ mediaType: GZIP, digest: sha256(long), size: 1024, serve: { kind: 'bytes', bytes: long } }]),
  );

  // The top layer is read to its end (metadata.json is below it), and its bytes are not the ones its digest names.
  const top = gzipTar([['etc/hostname', 'honest\n']]);
  const swapped = gzipTar([['etc/hostname', 'swapped\n']]);
  add(
    'digest-mismatch',
    'a top layer whose bytes do not match its digest',
    /not match|mismatch/i,
    both([
      honest(GZIP, gzipTar([['metadata.json', PLAIN_METADATA]])),
      { mediaType: GZIP, digest: sha256(top), size: swapped.byteLength, serve: { kind: 'bytes', bytes: swapped } },
    ]),
  );

  add(
    'redirect-port',
    'a blob redirect to another loopback port',
    /redirect/i,
    both([redirected(`${elsewhere.internalOrigin}/containers/json?all=1`)]),
  );
  add(
    'redirect-scheme',
    'a blob redirect to another scheme (file:)',
    /redirect/i,
    both([redirected('file:///etc/passwd')]),
  );
  add(
    'redirect-link-local',
    'a blob redirect to a link-local address',
    /redirect|link-local/i,
    both([redirected('http://169.254.169.254/latest/meta-data/')]),
  );

  add(
    'deep-json',
    'metadata.json nesting 100 000 levels deep',
    /nests deeper than \d+ levels/,
    both([honest(GZIP, gzipTar([['metadata.json', deepJson()]]))]),
  );
  add(
    'deep-yaml',
    'a compose file nesting 100 000 levels deep',
    /nests deeper than \d+ levels/,
    both([
      honest(
        GZIP,
        gzipTar([
          ['metadata.json', COMPOSE_METADATA],
          ['docker-compose.yaml', deepYaml()],
        ]),
      ),
    ]),
  );
  add(
    'alias-yaml',
    'a compose file of nested aliases (9^9 nodes expanded)',
    /alias|nests deeper/i,
    both([
      honest(
        GZIP,
        gzipTar([
          ['metadata.json', COMPOSE_METADATA],
          ['docker-compose.yaml', aliasYaml()],
        ]),
      ),
    ]),
  );

  add(
    'many-variants',
    'ten variants, each a gzip layer of 4 GiB of zeros',
    UNCOMPRESSED,
    TEN.map((platform, i) => ({
      platform,
      layers: [honest(GZIP, gzipBomb(256, `-${i}`))],
    })),
  );
  return images;
}
