/**
 * Benchmark set-up (not Arch Matrix): copy an image between repositories of one registry with the
 * distribution API, byte for byte (same digests), children and blobs included. Blobs are mounted
 * across repositories, so a copy costs a few small requests.
 * `docker buildx imagetools create` is not used because it turns a single manifest into a
 * one-entry manifest list, which would remove the single-manifest case from the benchmark.
 */

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Fetched {
  readonly bytes: ArrayBuffer;
  readonly mediaType: string;
  readonly digest: string;
}

function descriptorDigests(value: unknown, key: 'manifests' | 'layers'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const list: unknown = Reflect.get(value, key);
  if (!Array.isArray(list)) return [];
  return list.flatMap((d: unknown) =>
    typeof d === 'object' && d !== null && 'digest' in d && typeof d.digest === 'string' ? [d.digest] : [],
  );
}

function configDigest(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('config' in value)) return [];
  const config: unknown = value.config;
  return typeof config === 'object' && config !== null && 'digest' in config && typeof config.digest === 'string'
    ? [config.digest]
    : [];
}

export class RegistryCopier {
  constructor(private readonly registry: string) {}

  private url(path: string): string {
    return `http://${this.registry}/v2/${path}`;
  }

  async getManifest(repo: string, ref: string): Promise<Fetched | undefined> {
    const res = await fetch(this.url(`${repo}/manifests/${ref}`), { headers: { accept: MANIFEST_TYPES } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`GET ${repo}/manifests/${ref}: HTTP ${res.status}`);
    return {
      bytes: await res.arrayBuffer(),
      mediaType: res.headers.get('content-type') ?? '',
      digest: res.headers.get('docker-content-digest') ?? '',
    };
  }

  /** The digest the tag points to, or undefined when there is no such tag. */
  async digestOf(repo: string, ref: string): Promise<string | undefined> {
    const res = await fetch(this.url(`${repo}/manifests/${ref}`), {
      method: 'HEAD',
      headers: { accept: MANIFEST_TYPES },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`HEAD ${repo}/manifests/${ref}: HTTP ${res.status}`);
    return res.headers.get('docker-content-digest') ?? undefined;
  }

  private async copyBlob(from: string, to: string, digest: string): Promise<void> {
    const mount = await fetch(
      this.url(`${to}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`),
      { method: 'POST' },
    );
    if (mount.status === 201) return;
    // Not mounted: the registry opened an upload instead; send the blob in one piece.
    const location = mount.headers.get('location');
    if (mount.status !== 202 || location === null) throw new Error(`mount ${digest} into ${to}: HTTP ${mount.status}`);
    const blob = await fetch(this.url(`${from}/blobs/${digest}`));
    if (!blob.ok) throw new Error(`GET ${from}/blobs/${digest}: HTTP ${blob.status}`);
    const target = new URL(location, `http://${this.registry}`);
    target.searchParams.set('digest', digest);
    const put = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(await blob.arrayBuffer()),
    });
    if (put.status !== 201) throw new Error(`upload ${digest} into ${to}: HTTP ${put.status}`);
  }

  /** Copies repo:ref to toRepo:toRef (children and blobs first); returns the digest, the same as the source's. */
  async copy(from: string, ref: string, to: string, toRef: string): Promise<string> {
    const manifest = await this.getManifest(from, ref);
    if (manifest === undefined) throw new Error(`${this.registry}/${from}:${ref} does not exist`);
    const parsed: unknown = JSON.parse(new TextDecoder().decode(manifest.bytes));
    for (const child of descriptorDigests(parsed, 'manifests')) await this.copy(from, child, to, child);
    for (const blob of [...configDigest(parsed), ...descriptorDigests(parsed, 'layers')])
      await this.copyBlob(from, to, blob);
    const put = await fetch(this.url(`${to}/manifests/${toRef}`), {
      method: 'PUT',
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes,
    });
    if (put.status !== 201) throw new Error(`PUT ${to}/manifests/${toRef}: HTTP ${put.status} ${await put.text()}`);
    const digest = put.headers.get('docker-content-digest') ?? '';
    if (digest !== manifest.digest)
      throw new Error(`copy of ${from}:${ref} got digest ${digest}, expected ${manifest.digest}`);
    return digest;
  }
}
