import { describe, expect, it } from 'vitest';
import {
  mediaTypeName,
  parseFormattedInspect,
  parseImageConfig,
  parseManifestInspect,
  parseRawManifest,
  platformKey,
  type ManifestSummary,
} from '@core/index.js';
import type { ParseError, Result } from '@core/index.js';
import { fixtureNames, loadFixture } from '../../support/recordings.js';
import { CORPUS, sorted } from '../../support/corpus.js';

function value<T>(r: Result<T, ParseError>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}
const keys = (m: ManifestSummary): string[] => sorted(m.platforms.map((p) => p.key));

describe('parseRawManifest on every recorded --raw output', () => {
  it.each(CORPUS)('$name: $kind with its platforms and attestations', (image) => {
    const m = value(parseRawManifest(loadFixture(`${image.name}.imagetools-raw`).stdout));
    expect(m.kind).toBe(image.kind);
    expect(m.digest).toBeUndefined();
    if (image.kind === 'docker-manifest') {
      expect(m.needsConfig).toBe(true);
      expect(m.configDigest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(m.platforms).toEqual([]);
    } else {
      expect(m.needsConfig).toBe(false);
      expect(keys(m)).toEqual(sorted(image.platforms));
      expect(m.attestations).toHaveLength(image.attestations);
    }
  });

  it('covers every --raw fixture', () => {
    expect(fixtureNames(/\.imagetools-raw$/).filter((n) => !n.startsWith('error-'))).toHaveLength(CORPUS.length);
  });

  it('good: digests, sizes and media types of the platform entries; attestations point at them', () => {
    const m = value(parseRawManifest(loadFixture('good.imagetools-raw').stdout));
    expect(m.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    for (const p of m.platforms) {
      expect(p.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(p.size).toBeGreaterThan(0);
      expect(p.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    }
    expect(sorted(m.attestations.map((a) => a.describes ?? ''))).toEqual(sorted(m.platforms.map((p) => p.digest)));
    expect(m.attestations.every((a) => a.referenceType === 'attestation-manifest')).toBe(true);
  });

  it('windows-entry: windows/amd64 with its OS version', () => {
    const m = value(parseRawManifest(loadFixture('windows-entry.imagetools-raw').stdout));
    const windows = m.platforms.find((p) => p.platform.os === 'windows');
    expect(windows?.key).toBe('windows/amd64');
    expect(windows?.platform.osVersion).toBe('10.0.17763.5329');
    expect(m.platforms.filter((p) => p.platform.osVersion !== undefined)).toHaveLength(1);
  });

  it('legacy-list: a Docker manifest list of Docker v2 manifests', () => {
    const m = value(parseRawManifest(loadFixture('legacy-list.imagetools-raw').stdout));
    expect(m.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    expect(m.platforms.every((p) => p.mediaType === 'application/vnd.docker.distribution.manifest.v2+json')).toBe(true);
  });

  it('many-platforms: arm variants kept (v6, v7)', () => {
    const m = value(parseRawManifest(loadFixture('many-platforms.imagetools-raw').stdout));
    expect(
      m.platforms
        .filter((p) => p.platform.architecture === 'arm')
        .map((p) => p.platform.variant)
        .sort(),
    ).toEqual(['v6', 'v7']);
  });
});

describe('parseImageConfig on every recorded {{json .Image}} output', () => {
  it.each(CORPUS)('$name: platforms and labels', (image) => {
    const c = value(parseImageConfig(loadFixture(`${image.name}.imagetools-image`).stdout));
    expect(sorted(c.platforms.map(platformKey))).toEqual(sorted(image.platforms));
    expect(c.labels?.['org.opencontainers.image.title']).toMatch(/^Arch Matrix /);
  });

  it('windows-entry: the map entry keeps os.version', () => {
    const c = value(parseImageConfig(loadFixture('windows-entry.imagetools-image').stdout));
    expect(c.platforms.find((p) => p.os === 'windows')?.osVersion).toBe('10.0.17763.5329');
  });

  it('orders the map in display order (linux/amd64 first)', () => {
    const c = value(parseImageConfig(loadFixture('many-platforms.imagetools-image').stdout));
    expect(c.platforms.slice(0, 2).map(platformKey)).toEqual(['linux/amd64', 'linux/arm64']);
  });
});

describe('parseFormattedInspect on {{json .}} and {{json .Manifest}}', () => {
  const forms = CORPUS.flatMap((image) => [
    { image, form: 'imagetools-json' },
    { image, form: 'imagetools-manifest' },
  ]);
  it.each(forms)('$image.name $form', ({ image, form }) => {
    const m = value(parseFormattedInspect(loadFixture(`${image.name}.${form}`).stdout));
    expect(m.kind).toBe(image.kind);
    expect(m.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(m.attestations).toHaveLength(image.attestations);
    if (image.kind === 'docker-manifest' && form === 'imagetools-manifest') {
      // Only the descriptor is printed: the platform needs the config.
      expect(m.needsConfig).toBe(true);
      expect(m.platforms).toEqual([]);
    } else {
      expect(m.needsConfig).toBe(false);
      expect(keys(m)).toEqual(sorted(image.platforms));
    }
  });

  it('the {{json .}} single manifest takes its platform from .image with the manifest digest and size', () => {
    const m = value(parseFormattedInspect(loadFixture('amd64-only.imagetools-json').stdout));
    const [entry] = m.platforms;
    expect(entry?.digest).toBe(m.digest);
    expect(entry?.size).toBeGreaterThan(0);
  });
});

describe('parseManifestInspect (docker manifest inspect, the no-buildx fallback)', () => {
  const forms = CORPUS.flatMap((image) => [
    { image, form: 'manifest-inspect' },
    { image, form: 'manifest-inspect-verbose' },
  ]);
  it.each(forms)('$image.name $form', ({ image, form }) => {
    const m = value(parseManifestInspect(loadFixture(`${image.name}.${form}`).stdout));
    expect(m.kind).toBe(image.kind);
    expect(m.attestations).toHaveLength(image.attestations);
    if (image.kind === 'docker-manifest' && form === 'manifest-inspect') {
      expect(m.needsConfig).toBe(true);
      expect(m.configDigest).toMatch(/^sha256:/);
    } else {
      expect(m.needsConfig).toBe(false);
      expect(keys(m)).toEqual(sorted(image.platforms));
    }
  });

  it('verbose output recognises attestations by their in-toto layers (annotations are not printed)', () => {
    const m = value(parseManifestInspect(loadFixture('good.manifest-inspect-verbose').stdout));
    expect(m.attestations.map((a) => a.referenceType)).toEqual(['attestation-manifest', 'attestation-manifest']);
  });

  it('verbose single manifest carries its digest and platform from the Descriptor', () => {
    const m = value(parseManifestInspect(loadFixture('amd64-only.manifest-inspect-verbose').stdout));
    expect(m.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(m.platforms.map((p) => p.key)).toEqual(['linux/amd64']);
  });

  it('windows-entry verbose keeps os.version', () => {
    const m = value(parseManifestInspect(loadFixture('windows-entry.manifest-inspect-verbose').stdout));
    expect(m.platforms.find((p) => p.key === 'windows/amd64')?.platform.osVersion).toBe('10.0.17763.5329');
  });
});

describe('single manifests built from the recorded amd64-only one', () => {
  const base = (): Record<string, unknown> =>
    JSON.parse(loadFixture('amd64-only.imagetools-raw').stdout) as Record<string, unknown>;

  it('an OCI single manifest (media types switched to OCI) needs its config', () => {
    const doc = base();
    doc.mediaType = 'application/vnd.oci.image.manifest.v1+json';
    const m = value(parseRawManifest(JSON.stringify(doc)));
    expect(m.kind).toBe('oci-manifest');
    expect(m.needsConfig).toBe(true);
    expect(m.configDigest).toMatch(/^sha256:/);
  });

  it('a single manifest without a usable config is refused', () => {
    for (const config of [undefined, null, 'sha256:x', { mediaType: 'x', size: 1 }]) {
      const doc = base();
      doc.config = config;
      expect(parseRawManifest(JSON.stringify(doc)).ok).toBe(false);
    }
  });

  it('a "__proto__" label stays an ordinary label', () => {
    const doc = JSON.parse(loadFixture('amd64-only.imagetools-image').stdout) as {
      config: { Labels: Record<string, string> };
    };
    const text = JSON.stringify(doc).replace('"Labels":{', '"Labels":{"__proto__":"x",');
    const c = value(parseImageConfig(text));
    expect(Object.getPrototypeOf(c.labels)).toBe(Object.prototype);
    expect(Object.keys(c.labels ?? {})).toContain('__proto__');
  });
});

describe('mediaTypeName', () => {
  it.each([
    ['application/vnd.oci.image.index.v1+json', 'OCI index'],
    ['application/vnd.docker.distribution.manifest.list.v2+json', 'Docker manifest list'],
    ['application/vnd.oci.image.manifest.v1+json', 'OCI manifest'],
    ['application/vnd.docker.distribution.manifest.v2+json', 'Docker manifest v2'],
    ['application/vnd.example.thing', 'application/vnd.example.thing'],
    ['constructor', 'constructor'],
  ])('%s is %s', (mediaType, name) => {
    expect(mediaTypeName(mediaType)).toBe(name);
  });
});
