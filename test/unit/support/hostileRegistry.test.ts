/** The hostile registry serves what it claims: the registry API, and each crafted image's bytes as described. */
import { createGunzip, gunzipSync } from 'node:zlib';
import { Decompress } from 'fzstd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crcUpdate, crcZeros, gzipWithZeros } from '../../support/gzipBytes.js';
import { sha256 } from '../../support/hostileImages.js';
import { startHostileRegistry, type HostileRegistry } from '../../support/hostileRegistry.js';
import { declaredWindow, zstdFrame } from '../../support/zstdFrames.js';
import type { HostileName } from '../../support/hostileImages.js';

let registry: HostileRegistry;
beforeAll(async () => {
  registry = await startHostileRegistry();
}, 60_000);
afterAll(() => registry.close());

const url = (path: string): string => `http://${registry.host}${path}`;
interface Descriptor {
  digest: string;
  size: number;
  mediaType: string;
  platform?: { architecture: string };
}

async function json<T>(path: string): Promise<T> {
  return (await (await fetch(url(path))).json()) as T;
}

/** The first variant's layers (bottom first) of an image. */
async function layersOf(name: HostileName): Promise<Descriptor[]> {
  const repo = registry.image(name).repository;
  const index = await json<{ manifests: Descriptor[] }>(`/v2/${repo}/manifests/1.0.0`);
  const first = index.manifests[0];
  if (first === undefined) throw new Error('an empty index');
  return (await json<{ layers: Descriptor[] }>(`/v2/${repo}/manifests/${first.digest}`)).layers;
}

async function topLayer(name: HostileName): Promise<{ descriptor: Descriptor; response: Response }> {
  const descriptor = (await layersOf(name)).at(-1);
  if (descriptor === undefined) throw new Error('no layer');
  const response = await fetch(url(`/v2/${registry.image(name).repository}/blobs/${descriptor.digest}`), {
    redirect: 'manual',
  });
  return { descriptor, response };
}

const bytesOf = async (response: Response): Promise<Uint8Array> => new Uint8Array(await response.arrayBuffer());

/** Up to `max` bytes of a body, then it is cancelled. */
async function headOf(response: Response, max: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader !== undefined && size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader?.cancel();
  return new Uint8Array(Buffer.concat(chunks));
}

/** The first `max` bytes a gzip stream decompresses to. */
function gunzipHead(compressed: Uint8Array, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const out: Buffer[] = [];
    let size = 0;
    gunzip.on('data', (chunk: Buffer) => {
      out.push(chunk);
      size += chunk.length;
      if (size >= max) {
        gunzip.destroy();
        resolve(Buffer.concat(out));
      }
    });
    gunzip.on('error', reject);
    gunzip.on('end', () => resolve(Buffer.concat(out)));
    gunzip.end(compressed);
  });
}

const tarName = (header: Uint8Array): string =>
  Buffer.from(header.subarray(0, 100)).toString('latin1').split('\0')[0] ?? '';
const tarSize = (header: Uint8Array): number => parseInt(Buffer.from(header.subarray(124, 136)).toString('latin1'), 8);

describe('the hostile registry', () => {
  it('speaks the registry API on loopback: /v2/, manifests by tag and digest with their digest, HEAD', async () => {
    expect(registry.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect((await fetch(url('/v2/'))).status).toBe(200);
    const repo = registry.image('honest').repository;
    const byTag = await fetch(url(`/v2/${repo}/manifests/1.0.0`));
    const body = await bytesOf(byTag);
    const digest = byTag.headers.get('docker-content-digest');
    expect(digest).toBe(sha256(body));
    expect(byTag.headers.get('content-type')).toBe('application/vnd.oci.image.index.v1+json');
    const head = await fetch(url(`/v2/${repo}/manifests/1.0.0`), { method: 'HEAD' });
    expect(head.headers.get('docker-content-digest')).toBe(digest);
    expect(await bytesOf(await fetch(url(`/v2/${repo}/manifests/${digest ?? ''}`)))).toEqual(body);
    expect((await fetch(url('/v2/hostile/none/manifests/1.0.0'))).status).toBe(404);
    const { descriptor, response } = await topLayer('honest');
    expect(sha256(await bytesOf(response))).toBe(descriptor.digest);
  });

  it('zstd-window: a small layer whose frame declares a 2 GiB window', async () => {
    const { descriptor, response } = await topLayer('zstd-window');
    const bytes = await bytesOf(response);
    expect(declaredWindow(bytes)).toBe(2 * 1024 ** 3);
    expect(bytes.byteLength).toBeLessThan(100 * 1024);
    expect(sha256(bytes)).toBe(descriptor.digest);
  });

  it('zstd-window-1920m: a small layer whose frame declares a window of 1920 MiB', async () => {
    const { response } = await topLayer('zstd-window-1920m');
    const bytes = await bytesOf(response);
    expect(declaredWindow(bytes)).toBe(1920 * 1024 * 1024);
    expect(bytes.byteLength).toBeLessThan(100 * 1024);
  });

  it('zstd-output: 128 KB that a zstd decoder turns into a tar of gigabytes', async () => {
    const { response } = await topLayer('zstd-output');
    const bytes = await bytesOf(response);
    expect(bytes.byteLength).toBeLessThan(160 * 1024);
    expect(declaredWindow(bytes)).toBe(128 * 1024);
    let out = 0;
    let first: Uint8Array | undefined;
    const decoder = new Decompress((chunk) => {
      first ??= chunk;
      out += chunk.byteLength;
    });
    decoder.push(bytes.subarray(0, 4096));
    expect(out).toBeGreaterThan(100 * 1024 * 1024);
    expect(first !== undefined && [tarName(first), tarSize(first)]).toEqual(['filler.bin', 4 * 1024 ** 3]);
  });

  it('gzip-bomb: about 4 MB that gunzip turns into a tar of 4 GiB', async () => {
    const { response } = await topLayer('gzip-bomb');
    const bytes = await bytesOf(response);
    expect(bytes.byteLength).toBeLessThan(8 * 1024 * 1024);
    const head = await gunzipHead(bytes, 1024);
    expect([tarName(head), tarSize(head)]).toEqual(['filler.bin', 4 * 1024 ** 3]);
    expect(Buffer.from(bytes.subarray(-4)).readUInt32LE(0)).toBe((4 * 1024 ** 3 + 512 + 512 + 512 + 1024) % 2 ** 32);
  });

  it('builds gzip bombs that are valid gzip, CRC and length included', () => {
    const prefix = new TextEncoder().encode('head');
    const suffix = new TextEncoder().encode('tail');
    const out = gunzipSync(gzipWithZeros(prefix, 2, suffix));
    expect(out.length).toBe(4 + 2 * 16 * 1024 * 1024 + 4);
    expect(out.subarray(0, 4).toString()).toBe('head');
    expect(out.subarray(-4).toString()).toBe('tail');
    expect(crcZeros(crcUpdate(0xffffffff, prefix), 3)).toBe(crcUpdate(0xffffffff, Buffer.from('head\0\0\0')));
  });

  it('deep-pax: a pax global header with a 2 MB path, then 20 000 entries', async () => {
    const { response } = await topLayer('deep-pax');
    const bytes = await bytesOf(response);
    expect(bytes.byteLength).toBeLessThan(600 * 1024);
    const tar = gunzipSync(bytes);
    expect(String.fromCharCode(tar[156] ?? 0)).toBe('g');
    const paxSize = tarSize(tar);
    expect(paxSize).toBeGreaterThan(2_000_000);
    expect(tar.subarray(512, 600).toString('latin1')).toMatch(/^\d+ path=metadata\.json\/a\/a\/a\//);
    const afterPax = 512 + Math.ceil(paxSize / 512) * 512;
    // Each entry: its own pax header (a header and one block of records), then its ustar header.
    expect((tar.length - afterPax - 1024) / (3 * 512)).toBe(20_000);
    expect(String.fromCharCode(tar[afterPax + 156] ?? 0)).toBe('x');
  });

  it('endless: a layer declared as 1 MiB whose blob goes on past 8 MiB', async () => {
    const { descriptor, response } = await topLayer('endless');
    expect(descriptor.size).toBe(1024 * 1024);
    expect(response.headers.get('content-length')).toBeNull();
    const head = await headOf(response, 8 * 1024 * 1024);
    expect(head.byteLength).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    const tar = await gunzipHead(head.subarray(0, 1024 * 1024), 512);
    expect(tarName(tar)).toBe('endless.bin');
  });

  it('oversized: a layer declared as 1024 bytes serves 32 MiB, and they are the bytes its digest names', async () => {
    const { descriptor, response } = await topLayer('oversized');
    const bytes = await bytesOf(response);
    expect(descriptor.size).toBe(1024);
    expect(bytes.byteLength).toBeGreaterThan(32 * 1024 * 1024);
    expect(sha256(bytes)).toBe(descriptor.digest);
  });

  it('digest-mismatch: the top layer is not the bytes its digest names; the one below is', async () => {
    const layers = await layersOf('digest-mismatch');
    const repo = registry.image('digest-mismatch').repository;
    const served = await Promise.all(
      layers.map(async (l) => sha256(await bytesOf(await fetch(url(`/v2/${repo}/blobs/${l.digest}`))))),
    );
    expect(served[0]).toBe(layers[0]?.digest);
    expect(served[1]).not.toBe(layers[1]?.digest);
  });

  it.each([
    ['redirect-port', /^http:\/\/127\.0\.0\.1:\d+\/containers\/json\?all=1$/],
    ['redirect-scheme', /^file:\/\/\/etc\/passwd$/],
    ['redirect-link-local', /^http:\/\/169\.254\.169\.254\//],
  ] as const)('%s: the blob answers 307 to %s', async (name, location) => {
    const { response } = await topLayer(name);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toMatch(location);
    if (name === 'redirect-port') expect(response.headers.get('location')).toContain(registry.internalOrigin);
    expect(registry.internalRequests).toEqual([]);
  });

  it.each([
    ['deep-json', 'metadata.json', '{"icon":"docker.svg","x":[[[['],
    ['deep-yaml', 'docker-compose.yaml', 'services:\n  app:\n'],
    ['alias-yaml', 'docker-compose.yaml', 'x-a: &a [lol'],
  ] as const)('%s: %s is there as crafted', async (name, file, start) => {
    const { response } = await topLayer(name);
    const tar = gunzipSync(await bytesOf(response));
    let at = 0;
    let found = '';
    while (at < tar.length && tar[at] !== 0) {
      const size = tarSize(tar.subarray(at));
      if (tarName(tar.subarray(at)) === file) found = tar.subarray(at + 512, at + 512 + size).toString('utf8');
      at += 512 + Math.ceil(size / 512) * 512;
    }
    expect(found.startsWith(start)).toBe(true);
    if (name !== 'alias-yaml') expect(found).toContain('['.repeat(100_000));
  });

  it('many-variants: an index of ten linux variants, each its own bomb', async () => {
    const repo = registry.image('many-variants').repository;
    const index = await json<{ manifests: Descriptor[] }>(`/v2/${repo}/manifests/1.0.0`);
    expect(index.manifests).toHaveLength(10);
    const layers = await Promise.all(
      index.manifests.map(
        async (m) => (await json<{ layers: Descriptor[] }>(`/v2/${repo}/manifests/${m.digest}`)).layers,
      ),
    );
    expect(new Set(layers.map((l) => l[0]?.digest)).size).toBe(10);
  });

  it('builds zstd frames a decoder reads back', () => {
    const out: Uint8Array[] = [];
    new Decompress((chunk) => out.push(chunk)).push(
      zstdFrame(10, [{ raw: new TextEncoder().encode('ab') }, { byte: 0x63, count: 3 }]),
      true,
    );
    expect(Buffer.concat(out).toString()).toBe('abccc');
  });
});
