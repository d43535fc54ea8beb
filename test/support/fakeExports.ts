/**
 * Hand-built image exports in the layouts real engines write (test/data/engine/README.md says what
 * each engine writes): an OCI layout as a containerd image store exports it (the registry's blobs,
 * sorted by digest, then index.json and manifest.json), and a docker-archive as a classic store exports
 * it (uncompressed layers; the old `<id>/layer.tar` form or the OCI-compatible `blobs/sha256` form).
 */
import { decompress as zstdDecompress } from 'fzstd';
import { digestOf, gzip, tarOf, type TarFile } from './fakeRegistry.js';

/** How ociExport compresses the layers given as files (zstd layers come ready-made). */
export type Compression = 'gzip' | 'none';
const LAYER_TYPES: Record<Compression | 'zstd', string> = {
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};

export interface BuiltExport {
  /** The export tar. */
  readonly tar: Uint8Array;
  /** The variant's manifest digest (as in the registry's index). */
  readonly variantDigest: string;
  /** The index that lists it. */
  readonly indexDigest: string;
  readonly configDigest: string;
  /** The blobs by digest, to tamper with. */
  readonly blobs: Map<string, Uint8Array>;
}

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
/** A layer: its files, or an already zstd-compressed tar (Node 20 has no zstd compressor; see test/data/registry). */
export type LayerSpec = readonly TarFile[] | { readonly zstd: Uint8Array };
const hexOf = (digest: string): string => digest.slice('sha256:'.length);

export interface ExportSpec {
  /** Each layer's files, bottom first. */
  readonly layers: readonly LayerSpec[];
  readonly compression?: Compression;
  readonly platform?: { os: string; architecture: string; variant?: string };
  readonly name?: string;
}

interface Parts {
  readonly layerTars: Uint8Array[];
  /** The zstd blob of each layer given as one (else undefined). */
  readonly zstd: (Uint8Array | undefined)[];
  readonly config: Uint8Array;
  readonly configDigest: string;
}

async function parts(spec: ExportSpec): Promise<Parts> {
  const zstd = spec.layers.map((l) => ('zstd' in l ? l.zstd : undefined));
  const layerTars = await Promise.all(spec.layers.map((l) => ('zstd' in l ? zstdDecompress(l.zstd) : tarOf(l))));
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  const config = bytes({ ...platform, config: {}, rootfs: { type: 'layers', diff_ids: layerTars.map(digestOf) } });
  return { layerTars, zstd, config, configDigest: digestOf(config) };
}

/** An export tar: the given files in this order, with the blobs/ and blobs/sha256/ directories first. */
async function exportTar(files: readonly TarFile[]): Promise<Uint8Array> {
  return tarOf([{ name: 'blobs/', type: 'directory' }, { name: 'blobs/sha256/', type: 'directory' }, ...files]);
}

/** What a containerd image store exports: the registry's blobs (index included), sorted by digest. */
export async function ociExport(spec: ExportSpec): Promise<BuiltExport> {
  const c = spec.compression ?? 'gzip';
  const { layerTars, zstd, config, configDigest } = await parts(spec);
  const blobs = new Map<string, Uint8Array>([[configDigest, config]]);
  const layers = layerTars.map((tar, i) => {
    const given = zstd[i];
    const blob = given ?? (c === 'gzip' ? gzip(tar) : tar);
    blobs.set(digestOf(blob), blob);
    return { mediaType: LAYER_TYPES[given ? 'zstd' : c], digest: digestOf(blob), size: blob.byteLength };
  });
  const manifest = bytes({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.byteLength },
    layers,
  });
  const variantDigest = digestOf(manifest);
  blobs.set(variantDigest, manifest);
  const index = bytes({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: variantDigest,
        size: manifest.byteLength,
        platform: spec.platform ?? { os: 'linux', architecture: 'amd64' },
      },
    ],
  });
  const indexDigest = digestOf(index);
  blobs.set(indexDigest, index);
  const name = spec.name ?? '127.0.0.1:5100/fake/image:1.0.0';
  const tar = await exportTar([
    ...[...blobs.keys()].sort().map((d) => ({ name: `blobs/sha256/${hexOf(d)}`, data: blobs.get(d) })),
    { name: 'index.json', data: JSON.stringify({ schemaVersion: 2, manifests: [{ digest: indexDigest }] }) },
    {
      name: 'manifest.json',
      data: JSON.stringify([
        {
          Config: `blobs/sha256/${hexOf(configDigest)}`,
          RepoTags: [name],
          Layers: layers.map((l) => `blobs/sha256/${hexOf(l.digest)}`),
        },
      ]),
    },
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
  ]);
  return { tar, variantDigest, indexDigest, configDigest, blobs };
}

/**
 * What a classic image store exports: uncompressed layers named by diff ID, the config, and a manifest
 * made at export (not the registry's). `legacy`: the pre-25 form, <id>/layer.tar and <config hex>.json,
 * a layer used twice written once and linked.
 */
export async function dockerArchive(
  spec: ExportSpec & { readonly legacy?: boolean },
): Promise<Omit<BuiltExport, 'variantDigest' | 'indexDigest'>> {
  const { layerTars, config, configDigest } = await parts(spec);
  const blobs = new Map<string, Uint8Array>([[configDigest, config]]);
  for (const tar of layerTars) blobs.set(digestOf(tar), tar);
  const name = spec.name ?? '127.0.0.1:5100/fake/image:1.0.0';
  if (!spec.legacy) {
    const layerPaths = layerTars.map((t) => `blobs/sha256/${hexOf(digestOf(t))}`);
    const tar = await exportTar([
      ...[...blobs.keys()].sort().map((d) => ({ name: `blobs/sha256/${hexOf(d)}`, data: blobs.get(d) })),
      { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' },
      {
        name: 'manifest.json',
        data: JSON.stringify([{ Config: `blobs/sha256/${hexOf(configDigest)}`, RepoTags: [name], Layers: layerPaths }]),
      },
      { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    ]);
    return { tar, configDigest, blobs };
  }
  // Legacy: one folder per layer (named by a made-up v1 ID), a repeated layer as a symlink.
  const ids = layerTars.map((_, i) => `${i + 1}`.padStart(64, 'a'));
  const firstOf = new Map<string, string>();
  const entries: TarFile[] = [];
  layerTars.forEach((tar, i) => {
    const id = ids[i] ?? '';
    const seen = firstOf.get(digestOf(tar));
    entries.push(
      { name: `${id}/`, type: 'directory' },
      { name: `${id}/VERSION`, data: '1.0' },
      { name: `${id}/json`, data: '{}' },
    );
    if (seen === undefined) {
      firstOf.set(digestOf(tar), id);
      entries.push({ name: `${id}/layer.tar`, data: tar });
    } else entries.push({ name: `${id}/layer.tar`, type: 'symlink', linkname: `../${seen}/layer.tar` });
  });
  entries.push(
    { name: `${hexOf(configDigest)}.json`, data: config },
    {
      name: 'manifest.json',
      data: JSON.stringify([
        { Config: `${hexOf(configDigest)}.json`, RepoTags: [name], Layers: ids.map((id) => `${id}/layer.tar`) },
      ]),
    },
    { name: 'repositories', data: '{}' },
  );
  return { tar: await tarOf(entries), configDigest, blobs };
}
