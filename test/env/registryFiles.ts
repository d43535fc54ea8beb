/**
 * Reads an image's files straight from a test registry (HTTP API v2): fetches one platform
 * manifest, checks each layer blob against its digest and unpacks the layers in order with
 * `tar` (gzip, zstd through the `zstd` program, or plain), applying whiteouts (`.wh.<name>`
 * deletes a lower file, `.wh..wh..opq` empties its folder's lower content). Test-only, for the
 * registries of the test environment (pass `authorization` for the login-only one).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
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
    if (typeof mediaType !== 'string' || typeof digest !== 'string')
      throw new Error(`layer ${i} has no mediaType or digest`);
    return { mediaType, digest };
  });
}

async function fetchOk(url: string, accept?: string, authorization?: string): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (accept !== undefined) headers.Accept = accept;
  if (authorization !== undefined) headers.Authorization = authorization;
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Unpacks image REPO@DIGEST (a platform manifest) of REGISTRY into a new folder; returns the folder. */
export async function unpackImage(
  registry: string,
  repo: string,
  digest: string,
  authorization?: string,
): Promise<string> {
  const manifest: unknown = JSON.parse(
    (await fetchOk(`http://${registry}/v2/${repo}/manifests/${digest}`, MANIFEST_ACCEPT, authorization)).toString(
      'utf8',
    ),
  );
  const root = mkdtempSync(join(tmpdir(), 'archmatrix-image-'));
  const scratch = mkdtempSync(join(tmpdir(), 'archmatrix-layer-'));
  try {
    await unpackLayers(registry, repo, layersOf(manifest), root, scratch, authorization);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return root;
}

async function unpackLayers(
  registry: string,
  repo: string,
  layers: LayerDescriptor[],
  root: string,
  scratch: string,
  authorization?: string,
): Promise<void> {
  for (const [i, layer] of layers.entries()) {
    if (!/tar([+.](gzip|zstd))?$/.test(layer.mediaType))
      throw new Error(`layer ${i} has media type ${layer.mediaType}`);
    const blob = await fetchOk(`http://${registry}/v2/${repo}/blobs/${layer.digest}`, undefined, authorization);
    const actual = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    if (actual !== layer.digest) throw new Error(`layer ${i}: blob digest ${actual}, manifest says ${layer.digest}`);
    const file = join(scratch, `layer-${i}.tar`);
    writeFileSync(file, blob);
    applyWhiteouts(file, root, i);
    const out = run('tar', ['-xf', file, '-C', root, '--exclude=.wh.*'], { env: process.env });
    if (out.status !== 0) throw new Error(`tar -xf layer ${i}: ${out.stderr.trim()}`);
  }
}

/** Deletes from ROOT (the layers below) what layer FILE's whiteout entries delete. */
function applyWhiteouts(file: string, root: string, i: number): void {
  const list = run('tar', ['-tf', file], { env: process.env });
  if (list.status !== 0) throw new Error(`tar -tf layer ${i}: ${list.stderr.trim()}`);
  for (const entry of list.stdout.split('\n')) {
    const path = normalize(entry.replace(/^\.?\/+/, ''));
    const name = path.split('/').pop() ?? '';
    if (!name.startsWith('.wh.') || path.startsWith('..')) continue;
    const folder = join(root, dirname(path));
    if (name === '.wh..wh..opq') {
      for (const child of safeList(folder)) rmSync(join(folder, child), { recursive: true, force: true });
    } else {
      rmSync(join(folder, name.slice('.wh.'.length)), { recursive: true, force: true });
    }
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
