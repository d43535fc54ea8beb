import { describe, expect, it } from 'vitest';
import { parseFormattedInspect, parseImageConfig, parseManifestInspect } from '@core/index.js';
import { loadFixture } from '../../support/recordings.js';

type Doc = Record<string, unknown>;
const json = (name: string): unknown => JSON.parse(loadFixture(name).stdout) as unknown;

describe('docker manifest inspect --verbose, edge cases built from real outputs', () => {
  it('an empty list is refused', () => {
    expect(parseManifestInspect('[]').ok).toBe(false);
  });

  it('an entry without a Descriptor names the entry', () => {
    const list = json('good.manifest-inspect-verbose') as Doc[];
    const broken = list.map((item, i) => (i === 1 ? { ...item, Descriptor: 'x' } : item));
    const r = parseManifestInspect(JSON.stringify(broken));
    expect(!r.ok && r.error.message).toMatch(/entry 2/);
  });

  it('an entry without a platform is not counted', () => {
    const list = json('legacy-list.manifest-inspect-verbose') as Doc[];
    const first = list[0] ?? {};
    const descriptor = { ...(first.Descriptor as Doc) };
    delete descriptor.platform;
    const r = parseManifestInspect(JSON.stringify([{ ...first, Descriptor: descriptor }, ...list.slice(1)]));
    expect(r.ok && r.value.platforms.map((p) => p.key)).toEqual(['linux/arm64']);
  });

  it('a single manifest whose Descriptor has no platform falls back to needing its config', () => {
    const single = json('amd64-only.manifest-inspect-verbose') as Doc;
    const descriptor = { ...(single.Descriptor as Doc) };
    delete descriptor.platform;
    const r = parseManifestInspect(JSON.stringify({ ...single, Descriptor: descriptor }));
    expect(r.ok && r.value.needsConfig).toBe(true);
    expect(r.ok && r.value.configDigest).toMatch(/^sha256:/);
  });

  it('a single Descriptor with an unknown media type is refused', () => {
    const single = json('amd64-only.manifest-inspect-verbose') as Doc;
    const r = parseManifestInspect(
      JSON.stringify({ ...single, Descriptor: { ...(single.Descriptor as Doc), mediaType: 'text/plain' } }),
    );
    expect(!r.ok && r.error.message).toMatch(/unknown manifest media type/);
  });
});

describe('imagetools --format outputs, edge cases built from real outputs', () => {
  it('{{json .}} with an image whose platform is broken is refused', () => {
    const doc = json('amd64-only.imagetools-json') as Doc;
    const r = parseFormattedInspect(JSON.stringify({ ...doc, image: { ...(doc.image as Doc), architecture: 3 } }));
    expect(r.ok).toBe(false);
  });

  it('an index descriptor without its manifests is refused', () => {
    const r = parseFormattedInspect(
      JSON.stringify({
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: `sha256:${'a'.repeat(64)}`,
        size: 3,
      }),
    );
    expect(r.ok).toBe(false);
  });

  it('{{json .Image}}: an empty map, a bad key, a non-object value, bad Labels are refused', () => {
    const good = json('good.imagetools-image') as Doc;
    expect(parseImageConfig('{}').ok).toBe(false);
    expect(parseImageConfig(JSON.stringify({ 'linux amd64': good['linux/amd64'] })).ok).toBe(false);
    expect(parseImageConfig(JSON.stringify({ 'linux/amd64': 'x' })).ok).toBe(false);
    const amd = good['linux/amd64'] as Doc;
    expect(parseImageConfig(JSON.stringify({ 'linux/amd64': { ...amd, config: { Labels: ['x'] } } })).ok).toBe(false);
  });

  it('{{json .Image}}: a value without os/architecture takes them from its key', () => {
    const r = parseImageConfig(JSON.stringify({ 'linux/arm/v7': { config: { Labels: { a: 'b' } } } }));
    expect(r.ok && r.value).toEqual({
      platforms: [{ os: 'linux', architecture: 'arm', variant: 'v7' }],
      labels: { a: 'b' },
    });
  });
});
