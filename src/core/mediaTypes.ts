/** The manifest media types Arch Matrix understands, and what kind of manifest each one is. */
import type { ManifestKind } from './types.js';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

const KIND_BY_MEDIA_TYPE: Readonly<Record<string, ManifestKind>> = {
  [MEDIA_TYPES.ociIndex]: 'oci-index',
  [MEDIA_TYPES.dockerList]: 'docker-manifest-list',
  [MEDIA_TYPES.ociManifest]: 'oci-manifest',
  [MEDIA_TYPES.dockerManifest]: 'docker-manifest',
};

/** Docker image manifest schema 1 (signed or not): deprecated, carries no platform list we can use. */
const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:prettyjws|json)$/;

export function manifestKind(mediaType: string): ManifestKind | undefined {
  return Object.prototype.hasOwnProperty.call(KIND_BY_MEDIA_TYPE, mediaType)
    ? KIND_BY_MEDIA_TYPE[mediaType]
    : undefined;
}

const KIND_NAMES: Readonly<Record<ManifestKind, string>> = {
  'oci-index': 'OCI index',
  'docker-manifest-list': 'Docker manifest list',
  'oci-manifest': 'OCI manifest',
  'docker-manifest': 'Docker manifest v2',
};

/** "OCI manifest", "Docker manifest list", ...: a media type for people; an unknown one as it is. */
export function mediaTypeName(mediaType: string): string {
  const kind = manifestKind(mediaType);
  return kind === undefined ? mediaType : KIND_NAMES[kind];
}

export function isSchema1(mediaType: string): boolean {
  return SCHEMA1.test(mediaType);
}

export function isIndexKind(kind: ManifestKind): boolean {
  return kind === 'oci-index' || kind === 'docker-manifest-list';
}

/** Digest of a descriptor: algorithm:hex, as the OCI spec allows. */
export const DESCRIPTOR_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** Index entries are only ever manifests of this many; more is refused as hostile. */
export const MAX_INDEX_ENTRIES = 10_000;
