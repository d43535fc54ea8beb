/**
 * Which image in the engine's store is the wanted variant, from GET /images/json. Content-addressed
 * matches only, never a tag (a tag can point elsewhere by now):
 *  1. one of the image's per-platform manifests is the variant and its content is in the store
 *     (containerd store, API 1.47+);
 *  2. the image's ID is the variant's or its index's digest (containerd store: the ID is what was pulled);
 *  3. the image was pulled by the variant's or its index's digest from the same repository (its
 *     RepoDigests; the classic store keys images by config, so this is its only link to the registry).
 */
import { parseReference, type ImageReference } from '../core/index.js';
import { engineImageName, type EngineImage, type EngineImageName } from '../engine/index.js';

/** A registry and repository, as in a parsed reference. */
export interface RepositoryName {
  readonly domain: string;
  readonly path: string;
}

export interface LookupRequest {
  readonly repo: RepositoryName;
  /** The variant's manifest digest in the registry's index. */
  readonly variantDigest: string;
  /** The digest the reference resolved to (the index, or the variant itself for a single manifest). */
  readonly indexDigest?: string;
}

export interface LocalImage {
  /** What to export: the image's ID. */
  readonly name: EngineImageName;
  /** The image's ID: in a classic store, its config digest. */
  readonly id: string;
  readonly match: 'manifest' | 'id' | 'repo-digest' | 'tag';
}

function pulledBy(image: EngineImage, repo: RepositoryName, digests: readonly string[]): boolean {
  return image.repoDigests.some((text) => {
    const parsed = parseReference(text);
    return (
      parsed.ok &&
      parsed.value.domain === repo.domain &&
      parsed.value.path === repo.path &&
      parsed.value.digest !== undefined &&
      digests.includes(parsed.value.digest)
    );
  });
}

export function findLocalImage(images: readonly EngineImage[], want: LookupRequest): LocalImage | undefined {
  const digests = [want.variantDigest, ...(want.indexDigest !== undefined ? [want.indexDigest] : [])];
  const rules: readonly [LocalImage['match'], (image: EngineImage) => boolean][] = [
    ['manifest', (i) => i.manifests?.some((m) => m.id === want.variantDigest && m.available) === true],
    ['id', (i) => digests.includes(i.id)],
    ['repo-digest', (i) => pulledBy(i, want.repo, digests)],
  ];
  for (const [match, rule] of rules) {
    const image = images.find(rule);
    const name = image === undefined ? undefined : engineImageName(image.id);
    if (image !== undefined && name?.ok) return { name: name.value, id: image.id, match };
  }
  return undefined;
}

/**
 * The image a never-pushed reference names in the engine: by its digest when it has one (the ID or a
 * RepoDigest), else by its tag. A tag is all a never-pushed image has; the platform check resolved the same
 * tag in this engine moments before.
 */
export function findNamedImage(images: readonly EngineImage[], ref: ImageReference): LocalImage | undefined {
  const same = (text: string): boolean => {
    const parsed = parseReference(text);
    return parsed.ok && parsed.value.canonical === ref.canonical;
  };
  const image =
    ref.digest !== undefined
      ? images.find((i) => i.id === ref.digest || i.repoDigests.some(same))
      : images.find((i) => i.repoTags.some(same));
  const name = image === undefined ? undefined : engineImageName(image.id);
  return image !== undefined && name?.ok ? { name: name.value, id: image.id, match: 'tag' } : undefined;
}
