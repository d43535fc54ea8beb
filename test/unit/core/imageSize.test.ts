import { describe, expect, it } from 'vitest';
import {
  atDigest,
  formatBytes,
  imageLayers,
  imageSizeOf,
  MAX_LAYERS,
  parseImageSize,
  parseRawManifest,
  parseReference,
} from '@core/index.js';
import type { ImageSize, ParseError, ReferenceError, Result } from '@core/index.js';
import { fixtureNames, loadFixture, loadRecording } from '../../support/recordings.js';

function value<T>(r: Result<T, ParseError | ReferenceError>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${'message' in r.error ? r.error.message : r.error.reason}`);
  return r.value;
}

interface VerboseEntry {
  readonly Raw: string;
  readonly OCIManifest?: {
    readonly layers: readonly { readonly size: number }[];
    readonly config: { readonly size: number };
  };
  readonly SchemaV2Manifest?: {
    readonly layers: readonly { readonly size: number }[];
    readonly config: { readonly size: number };
  };
}

/** Every platform manifest docker's `manifest inspect --verbose` fetched, raw, with docker's own decoded layers. */
function verboseEntries(): { name: string; raw: string; expected: ImageSize }[] {
  return fixtureNames(/\.manifest-inspect-verbose$/).flatMap((name) => {
    const parsed = JSON.parse(loadFixture(name).stdout) as VerboseEntry | VerboseEntry[];
    return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((entry, i) => {
      const decoded = entry.OCIManifest ?? entry.SchemaV2Manifest;
      if (decoded === undefined) return [];
      const layerBytes = decoded.layers.reduce((sum, layer) => sum + layer.size, 0);
      const expected = { layerBytes, layers: decoded.layers.length, configBytes: decoded.config.size };
      return [{ name: `${name} #${i + 1}`, raw: Buffer.from(entry.Raw, 'base64').toString('utf8'), expected }];
    });
  });
}

describe('parseImageSize on real image manifests', () => {
  const entries = verboseEntries();
  it('reads some of each kind the corpus has (OCI and Docker v2)', () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.some((e) => e.raw.includes('application/vnd.docker.distribution.manifest.v2+json'))).toBe(true);
    expect(entries.some((e) => e.raw.includes('application/vnd.oci.image.manifest.v1+json'))).toBe(true);
  });

  it.each(entries)('$name: the layers docker decoded, added up', ({ raw, expected }) => {
    expect(value(parseImageSize(raw))).toEqual(expected);
  });

  it('reads what buildx --raw and docker manifest inspect print for one platform digest alike', () => {
    const viaBuildx = value(parseImageSize(loadRecording('platform-manifest.imagetools-raw').stdout));
    const viaManifest = value(parseImageSize(loadRecording('platform-manifest.manifest-inspect').stdout));
    expect(viaBuildx).toEqual(viaManifest);
    expect(viaBuildx.layers).toBe(4);
    expect(viaBuildx.layerBytes).toBe(1068482 + 483 + 340 + 14481308);
  });

  it('a single manifest (no index) carries its size in its summary', () => {
    const summary = value(parseRawManifest(loadFixture('amd64-only.imagetools-raw').stdout));
    const verbose = JSON.parse(loadFixture('amd64-only.manifest-inspect-verbose').stdout) as VerboseEntry;
    const decoded = verbose.OCIManifest ?? verbose.SchemaV2Manifest;
    expect(summary.needsConfig).toBe(true);
    expect(decoded).toBeDefined();
    expect(summary.size?.layerBytes).toBe(decoded?.layers.reduce((sum, layer) => sum + layer.size, 0));
  });
});

describe('parseImageSize refuses what is not one platform manifest', () => {
  const layer = (size: unknown): unknown => ({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: `sha256:${'a'.repeat(64)}`,
    size,
  });
  const manifest = (layers: unknown): string =>
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'b'.repeat(64)}`, size: 10 },
      layers,
    });

  it.each([
    ['an index', loadFixture('good.imagetools-raw').stdout, /index of platforms/],
    ['empty output', '', /empty/],
    ['not JSON', '{"layers": [', /not valid JSON/],
    ['an array', '[]', /not a JSON object/],
    ['no layers array', manifest('nope'), /no layers array/],
    ['a negative size', manifest([layer(-1)]), /layer 1 has no valid size/],
    ['a size that is text', manifest([layer('12')]), /layer 1 has no valid size/],
    [
      'sizes past what a number holds',
      manifest([layer(Number.MAX_SAFE_INTEGER), layer(2)]),
      /more than a number can hold/,
    ],
    [
      'too many layers',
      manifest(Array.from({ length: MAX_LAYERS + 1 }, () => layer(1))),
      /more than the 1000 accepted/,
    ],
  ])('%s', (_name, stdout, message) => {
    const parsed = parseImageSize(stdout);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });

  it('an empty layer list is a size of 0', () => {
    expect(value(parseImageSize(manifest([])))).toEqual({ layerBytes: 0, layers: 0, configBytes: 10 });
  });

  it('imageSizeOf takes a parsed document', () => {
    expect(value(imageSizeOf(JSON.parse(manifest([layer(5), layer(7)])) as Record<string, unknown>)).layerBytes).toBe(
      12,
    );
  });

  it('imageLayers lists the layers bottom first, and refuses an index with or without its mediaType', () => {
    expect(
      value(imageLayers(JSON.parse(manifest([layer(5), layer(7)])) as Record<string, unknown>)).map((l) => l.size),
    ).toEqual([5, 7]);
    const index = imageLayers({ schemaVersion: 2, manifests: [] });
    expect(index.ok ? 'ok' : index.error.message).toMatch(/index of platforms/);
  });
});

describe('atDigest', () => {
  const ref = value(parseReference('127.0.0.1:5100/corpus/good:1.0.0'));
  it('pins the repository to a digest, dropping the tag', () => {
    expect(value(atDigest(ref, `sha256:${'c'.repeat(64)}`)).canonical).toBe(
      `127.0.0.1:5100/corpus/good@sha256:${'c'.repeat(64)}`,
    );
  });
  it.each(['sha256:short', 'sha256:' + 'C'.repeat(64), 'x y', `sha256:${'c'.repeat(64)} --push`])(
    'refuses the digest %s',
    (digest) => {
      expect(atDigest(ref, digest).ok).toBe(false);
    },
  );
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [15_550_613, '14.8 MiB'],
    [1024 ** 3 * 1.25, '1.25 GiB'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
  ])('%d is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
