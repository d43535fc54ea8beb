/**
 * Which spooled files are the layers of the wanted variant, bottom first, each verified:
 *
 * - OCI layout holding the variant's own manifest (blobs/sha256/<variant digest>, what a containerd
 *   image store exports): its layers by digest, compressed as their media types say (gzip, zstd, tar).
 * - Otherwise the docker-archive index (manifest.json, what a classic image store exports, with a
 *   manifest generated at export): the entry whose config is the image the engine vouched for (the
 *   classic store's image ID is its config digest); its config must be for the wanted platform, and each
 *   layer must hash to the config's diff_id (a plain tar), or be a compressed blob named by its digest.
 * - A never-pushed image is asked for by the engine's image ID (variant and config digest alike): on a
 *   containerd store that may be its own index (the wanted platform's manifest in it), on a classic store
 *   its config (the docker-archive entry above).
 */
import { imageLayers, isRecord, normalisePlatform, platformKey, type PlatformKey } from '../core/index.js';
import { parseJson } from '../core/json.js';
import { compressionOf, type Compression } from '../registry/layerStream.js';
import type { SpooledExport, SpooledFile } from './exportSpool.js';
import { LocalProblem } from './localFailure.js';

export interface LayerFile extends SpooledFile {
  readonly compression: Compression;
}

export interface VariantLayout {
  /** Where the layer list came from. */
  readonly source: 'variant-manifest' | 'docker-archive';
  /** Bottom first. */
  readonly layers: readonly LayerFile[];
}

export interface WantedVariant {
  /** The registry's manifest digest of the variant. */
  readonly variantDigest: string;
  /** The config digest the engine vouched for (its image ID in a classic store). */
  readonly configDigest?: string;
  readonly platform: PlatformKey;
}

/** Reads at most `max` bytes from the start of a spooled file. */
export type ReadHead = (file: string, max: number) => Promise<Uint8Array>;

const MAX_JSON = 1024 * 1024;
const hex = (digest: string): string => digest.slice('sha256:'.length);
const blobPath = (digest: string): string => `blobs/sha256/${hex(digest)}`;
const FULL_DIGEST = /^sha256:[a-f0-9]{64}$/;

function json(bytes: Uint8Array, what: string): unknown {
  const parsed = parseJson(new TextDecoder().decode(bytes), what);
  if (!parsed.ok) throw new LocalProblem('bad-export', parsed.error.message);
  return parsed.value;
}

async function smallJson(file: SpooledFile, what: string, read: ReadHead): Promise<unknown> {
  if (file.size > MAX_JSON) throw new LocalProblem('bad-export', `the export's ${what} is larger than 1 MiB`);
  return json(await read(file.file, MAX_JSON), what);
}

function fromVariantManifest(spooled: SpooledExport, doc: Record<string, unknown>): VariantLayout {
  const layers = imageLayers(doc);
  if (!layers.ok) throw new LocalProblem('bad-export', `the variant manifest: ${layers.error.message}`);
  return {
    source: 'variant-manifest',
    layers: layers.value.map((layer, i) => {
      const file = spooled.files.get(`blobs/sha256/${hex(layer.digest)}`);
      if (!/^sha256:[a-f0-9]{64}$/.test(layer.digest) || file === undefined)
        throw new LocalProblem(
          'bad-export',
          `the export lacks layer ${i + 1} (${layer.digest.slice(0, 19)}) of the variant`,
        );
      const compression = compressionOf(layer.mediaType);
      if (compression === undefined)
        throw new LocalProblem(
          'bad-export',
          `layer ${i + 1} has the media type "${layer.mediaType.slice(0, 100)}", not a tar layer`,
        );
      return { ...file, compression };
    }),
  };
}

/** gzip or zstd by their magic bytes, else a plain tar. */
async function sniff(file: SpooledFile, read: ReadHead): Promise<Compression> {
  const head = await read(file.file, 4);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

async function fromArchiveIndex(spooled: SpooledExport, want: WantedVariant, read: ReadHead): Promise<VariantLayout> {
  const index = spooled.meta.get('manifest.json');
  if (index === undefined || want.configDigest === undefined)
    throw new LocalProblem('not-in-engine', `the export does not hold the variant ${want.variantDigest.slice(0, 19)}`);
  const entries = json(index, 'manifest.json');
  if (!Array.isArray(entries)) throw new LocalProblem('bad-export', "the export's manifest.json is not a list");
  const entry = entries.find(
    (e): e is Record<string, unknown> =>
      isRecord(e) && typeof e.Config === 'string' && spooled.files.get(e.Config)?.digest === want.configDigest,
  );
  const configFile = entry === undefined ? undefined : spooled.files.get(String(entry.Config));
  if (entry === undefined || configFile === undefined)
    throw new LocalProblem(
      'not-in-engine',
      `the export holds no image with the config ${want.configDigest.slice(0, 19)}`,
    );
  const config = await smallJson(configFile, 'image config', read);
  if (!isRecord(config)) throw new LocalProblem('bad-export', 'the image config is not a JSON object');
  const platform = normalisePlatform({ os: config.os, architecture: config.architecture, variant: config.variant });
  if (!platform.ok) throw new LocalProblem('bad-export', `the image config: ${platform.error.message}`);
  if (platformKey(platform.value) !== want.platform)
    throw new LocalProblem(
      'not-in-engine',
      `the engine holds ${platformKey(platform.value)} of this image, not ${want.platform}`,
    );
  const rootfs = isRecord(config.rootfs) ? config.rootfs : {};
  const diffIds = Array.isArray(rootfs.diff_ids) ? rootfs.diff_ids : [];
  const paths = Array.isArray(entry.Layers) ? entry.Layers : [];
  if (paths.length !== diffIds.length)
    throw new LocalProblem('bad-export', `manifest.json lists ${paths.length} layers, the config ${diffIds.length}`);
  const layers: LayerFile[] = [];
  for (const [i, path] of paths.entries()) {
    const file = typeof path === 'string' ? spooled.files.get(path) : undefined;
    if (file === undefined)
      throw new LocalProblem('bad-export', `the export lacks layer ${i + 1} (${String(path).slice(0, 100)})`);
    if (file.digest === diffIds[i]) {
      layers.push({ ...file, compression: 'none' });
      continue;
    }
    const compression = await sniff(file, read);
    // A compressed blob's name is its digest (checked while spooling); its diff_id is of what it unpacks to.
    if (compression === 'none' || typeof path !== 'string' || !path.startsWith('blobs/sha256/'))
      throw new LocalProblem(
        'digest-mismatch',
        `layer ${i + 1} (${String(path).slice(0, 100)}) does not match its diff_id in the image config`,
      );
    layers.push({ ...file, compression });
  }
  return { source: 'docker-archive', layers };
}

/**
 * The manifest of `want.platform` in an image's own index (what a containerd store exports for an image built
 * here: its ID is its index), the first whose blob the export holds; attestations carry no such platform.
 */
async function fromOwnIndex(
  spooled: SpooledExport,
  index: Record<string, unknown>,
  want: WantedVariant,
  read: ReadHead,
): Promise<VariantLayout> {
  const entries = Array.isArray(index.manifests) ? index.manifests : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !isRecord(entry.platform) || typeof entry.digest !== 'string') continue;
    const p = entry.platform;
    const platform = normalisePlatform({ os: p.os, architecture: p.architecture, variant: p.variant });
    const file = FULL_DIGEST.test(entry.digest) ? spooled.files.get(blobPath(entry.digest)) : undefined;
    if (!platform.ok || platformKey(platform.value) !== want.platform || file === undefined) continue;
    const doc = await smallJson(file, `manifest ${entry.digest.slice(0, 19)}`, read);
    if (!isRecord(doc)) throw new LocalProblem('bad-export', 'the variant manifest is not a JSON object');
    return fromVariantManifest(spooled, doc);
  }
  throw new LocalProblem(
    'not-in-engine',
    `the image's index ${want.variantDigest.slice(0, 19)} lists no ${want.platform} manifest the export holds`,
  );
}

/** The wanted variant's layers in a spooled export, or a LocalProblem saying why not. */
export async function variantLayout(
  spooled: SpooledExport,
  want: WantedVariant,
  read: ReadHead,
): Promise<VariantLayout> {
  const manifest = spooled.files.get(blobPath(want.variantDigest));
  if (manifest === undefined) return fromArchiveIndex(spooled, want, read);
  const doc = await smallJson(manifest, `manifest ${want.variantDigest.slice(0, 19)}`, read);
  if (!isRecord(doc)) throw new LocalProblem('bad-export', 'the variant manifest is not a JSON object');
  // Asked for by the engine's image ID (a never-pushed image): a containerd store's ID may be the image's own
  // index, a classic store's is its config (whose docker-archive entry then names the layers).
  if (want.configDigest === want.variantDigest && Array.isArray(doc.manifests))
    return fromOwnIndex(spooled, doc, want, read);
  if (want.configDigest === want.variantDigest && !Array.isArray(doc.layers))
    return fromArchiveIndex(spooled, want, read);
  return fromVariantManifest(spooled, doc);
}
