/**
 * What each recorded corpus image is, per test/data/fixtures/README.md (the table of images).
 * Test expectations only: the core never sees these.
 */
export interface CorpusImage {
  readonly name: string;
  readonly platforms: readonly string[];
  readonly attestations: number;
  readonly kind: 'oci-index' | 'docker-manifest-list' | 'docker-manifest';
}

export const CORPUS: readonly CorpusImage[] = [
  { name: 'good', platforms: ['linux/amd64', 'linux/arm64'], attestations: 2, kind: 'oci-index' },
  { name: 'amd64-only', platforms: ['linux/amd64'], attestations: 0, kind: 'docker-manifest' },
  { name: 'arm64-only-attested', platforms: ['linux/arm64'], attestations: 1, kind: 'oci-index' },
  { name: 'legacy-list', platforms: ['linux/amd64', 'linux/arm64'], attestations: 0, kind: 'docker-manifest-list' },
  { name: 'wrong-host-binary', platforms: ['linux/amd64', 'linux/arm64'], attestations: 2, kind: 'oci-index' },
  {
    name: 'many-platforms',
    platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'],
    attestations: 8,
    kind: 'oci-index',
  },
  { name: 'windows-entry', platforms: ['linux/amd64', 'linux/arm64', 'windows/amd64'], attestations: 2, kind: 'oci-index' },
  { name: 'private', platforms: ['linux/amd64', 'linux/arm64'], attestations: 2, kind: 'oci-index' },
];

export const sorted = (keys: readonly string[]): string[] => [...keys].sort();
