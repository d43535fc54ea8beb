/**
 * Reads an image's files straight from a test registry (HTTP API v2): fetches one platform
 * manifest, checks each layer blob against its digest and unpacks the layers in order with
 * `tar`. Test-only, for the open registry of the test environment.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.js';

const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface LayerDescriptor {
  readonly mediaType: string;
  readonly digest: string;
}

function layersOf(manifest: unknown): LayerDescriptor[] {
  if (typeof manifest !== 'object' || manifest === null || !('layers' in manifest) || !Array.isArray(manifest.layers)) {
    throw new Error('the platform manifest has no layers list');
  }
  return (manifest.layers as unknown[]).map((layer, i) => {
    if (typeof layer !== 'object' || layer === null) throw new Error(`layer ${i} is not an object`);
    const { mediaType, digest } = layer as { mediaType?: unknown; digest?: unknown };
    if (typeof mediaType !== 'string' || typeof digest !== 'string') throw new Error(`layer ${i} has no mediaType or digest`);
    return { mediaType, digest };
  });
}

async function fetchOk(url: string, accept?: string): Promise<Buffer> {
  const res = await fetch(url, accept !== undefined ? { headers: { Accept: accept } } : {});
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Unpacks image REPO@DIGEST (a platform manifest) of REGISTRY into a new folder; returns the folder. */
export async function unpackImage(registry: string, repo: string, digest: string): Promise<string> {
  const manifest: unknown = JSON.parse((await fetchOk(`http://${registry}/v2/${repo}/manifests/${digest}`, MANIFEST_ACCEPT)).toString('utf8'));
  const root = mkdtempSync(join(tmpdir(), 'archmatrix-image-'));
  const scratch = mkdtempSync(join(tmpdir(), 'archmatrix-layer-'));
  try {
    await unpackLayers(registry, repo, layersOf(manifest), root, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return root;
}

async function unpackLayers(registry: string, repo: string, layers: LayerDescriptor[], root: string, scratch: string): Promise<void> {
  for (const [i, layer] of layers.entries()) {
    if (!/tar([+.]gzip)?$/.test(layer.mediaType)) throw new Error(`layer ${i} has media type ${layer.mediaType}`);
    const blob = await fetchOk(`http://${registry}/v2/${repo}/blobs/${layer.digest}`);
    const actual = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    if (actual !== layer.digest) throw new Error(`layer ${i}: blob digest ${actual}, manifest says ${layer.digest}`);
    const file = join(scratch, `layer-${i}.tar`);
    writeFileSync(file, blob);
    const out = run('tar', ['-xf', file, '-C', root], { env: process.env });
    if (out.status !== 0) throw new Error(`tar -xf layer ${i}: ${out.stderr.trim()}`);
  }
}
