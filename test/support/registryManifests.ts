/** Manifests of the test environment's registries, read over HTTP as JSON (the login-only one as the test user). */
import { expect } from 'vitest';
import { authRegistryBasicAuth, type TestEnv } from '../env/testEnv.js';
import type { DeepVariant } from './deepCorpus.js';

/** Every manifest type the registries hold, indexes and lists first. */
export const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: { readonly os: string; readonly architecture: string };
}
export interface Manifest {
  readonly mediaType: string;
  readonly manifests?: readonly Descriptor[];
  readonly layers?: readonly Descriptor[];
}

/** Reads a manifest of a test registry (`registry` is env.openRegistry or env.authRegistry) by tag or digest. */
export function manifestReader(env: TestEnv): (registry: string, repo: string, ref: string) => Promise<Manifest> {
  const basicAuth = authRegistryBasicAuth(env);
  return async (registry, repo, ref) => {
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (registry === env.authRegistry) headers.Authorization = basicAuth;
    const res = await fetch(`http://${registry}/v2/${repo}/manifests/${ref}`, { headers });
    if (!res.ok) throw new Error(`GET ${registry}/${repo}/manifests/${ref}: HTTP ${res.status}`);
    return (await res.json()) as Manifest;
  };
}

/** The digest of one variant in an index; exactly one must match. */
export function variantDigest(index: Manifest, variant: DeepVariant): string {
  const [os, architecture] = variant.split('/');
  const found = (index.manifests ?? []).filter(
    (m) => m.platform?.os === os && m.platform?.architecture === architecture,
  );
  expect(found, `${variant} in the index`).toHaveLength(1);
  return found[0]?.digest ?? '';
}
