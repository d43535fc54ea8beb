import { describe, expect, it } from 'vitest';
import {
  parseFormattedInspect,
  parseImageConfig,
  parseImageInspect,
  parseImageList,
  parseManifestInspect,
  parseRawManifest,
  type ParseError,
  type Result,
} from '@core/index.js';
import { loadFixture } from '../../support/recordings.js';

const PARSERS = {
  parseRawManifest,
  parseImageConfig,
  parseFormattedInspect,
  parseManifestInspect,
  parseImageInspect,
  parseImageList,
};
const GOOD_RAW = loadFixture('good.imagetools-raw').stdout;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const goodIndex = (): { [key: string]: Json } => JSON.parse(GOOD_RAW) as { [key: string]: Json };

function errorOf(r: Result<unknown, ParseError>): string {
  if (r.ok) throw new Error('expected a typed error, got a value');
  expect(r.error.kind).toBe('malformed');
  return r.error.message;
}

/** A tiny deterministic generator, so a failure names the seed that reproduces it. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('malformed input gives a typed error, never a throw', () => {
  it.each(Object.entries(PARSERS))('%s: empty, blank, not JSON, truncated, wrong top-level type', (name, parse) => {
    // An empty image list is a valid answer ("no images"); everything else here is malformed.
    const texts = ['not json', '{', '[', '{"mediaType":', 'null', '42', '"text"', 'true'];
    if (name !== 'parseImageList') texts.push('', '   \n');
    for (const text of texts) expect(errorOf(parse(text)).length).toBeGreaterThan(0);
  });

  it('parseImageList: no output means no images', () => {
    expect(parseImageList('')).toEqual({ ok: true, value: [] });
    expect(parseImageList('\n\n')).toEqual({ ok: true, value: [] });
  });

  it('every truncation of a real index is refused (built from good.imagetools-raw)', () => {
    for (let n = 0; n < GOOD_RAW.trimEnd().length; n++) {
      errorOf(parseRawManifest(GOOD_RAW.slice(0, n)));
    }
  });

  it('wrong types in an entry name the entry (built from good.imagetools-raw)', () => {
    const cases: [string, Json][] = [
      ['digest', 42],
      ['size', '1050'],
      ['size', -1],
      ['mediaType', null],
      ['platform', 'linux/amd64'],
      ['annotations', 'x'],
    ];
    for (const [field, bad] of cases) {
      const doc = goodIndex();
      const manifests = doc.manifests as { [key: string]: Json }[];
      const second = manifests[1];
      if (!second) throw new Error('fixture changed');
      second[field] = bad;
      expect(errorOf(parseRawManifest(JSON.stringify(doc)))).toMatch(/entry 2/);
    }
  });

  it('wrong platform field types are refused (built from good.imagetools-raw)', () => {
    const platforms: Json[] = [
      { os: 1, architecture: 'amd64' },
      { os: 'linux' },
      { os: 'linux', architecture: ['amd64'] },
      { os: 'linux', architecture: 'amd64', variant: 7 },
    ];
    for (const platform of platforms) {
      const doc = goodIndex();
      (doc.manifests as { [key: string]: Json }[])[0] = {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${'a'.repeat(64)}`,
        size: 1,
        platform,
      };
      expect(errorOf(parseRawManifest(JSON.stringify(doc)))).toMatch(/entry 1/);
    }
  });

  it('manifests that is not an array, and a top level that is not an object', () => {
    const doc = goodIndex();
    doc.manifests = { a: 1 };
    errorOf(parseRawManifest(JSON.stringify(doc)));
    errorOf(parseRawManifest(JSON.stringify([doc])));
  });

  it('unknown media types are refused with their name; schema 1 is named', () => {
    const doc = goodIndex();
    doc.mediaType = 'application/vnd.example.not-a-manifest+json';
    expect(errorOf(parseRawManifest(JSON.stringify(doc)))).toMatch(
      /unknown manifest media type "application\/vnd\.example/,
    );
    doc.mediaType = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
    expect(errorOf(parseRawManifest(JSON.stringify(doc)))).toMatch(/schema 1/);
    doc.mediaType = 7;
    errorOf(parseRawManifest(JSON.stringify(doc)));
  });

  it('an entry with an unknown media type (an artifact) is not counted as a platform', () => {
    const doc = goodIndex();
    const first = (doc.manifests as { [key: string]: Json }[])[0];
    if (!first) throw new Error('fixture changed');
    first.mediaType = 'application/vnd.example.artifact+json';
    const r = parseRawManifest(JSON.stringify(doc));
    expect(r.ok && r.value.platforms.map((p) => p.key)).toEqual(['linux/arm64']);
  });

  it('an index without mediaType is read by its shape (OCI allows that)', () => {
    const doc = goodIndex();
    delete doc.mediaType;
    const r = parseRawManifest(JSON.stringify(doc));
    expect(r.ok && r.value.kind).toBe('oci-index');
  });

  it('an index of 500 entries (built by repeating the real entries) parses', () => {
    const doc = goodIndex();
    const entries = doc.manifests as Json[];
    doc.manifests = Array.from({ length: 500 }, (_, i) => entries[i % entries.length] ?? null);
    const r = parseRawManifest(JSON.stringify(doc));
    expect(r.ok && r.value.platforms.length).toBe(250);
    expect(r.ok && r.value.attestations.length).toBe(250);
  });

  it('10,000 entries are accepted, 10,001 refused', () => {
    const doc = goodIndex();
    const entry = (doc.manifests as Json[])[0] ?? null;
    doc.manifests = Array.from({ length: 10_000 }, () => entry);
    expect(parseRawManifest(JSON.stringify(doc)).ok).toBe(true);
    doc.manifests = Array.from({ length: 10_001 }, () => entry);
    expect(errorOf(parseRawManifest(JSON.stringify(doc)))).toMatch(/10001 entries/);
  });

  it('deeply nested JSON does not escape as a throw', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const parse of Object.values(PARSERS)) expect(parse(deep).ok).toBe(false);
  });

  it('property: random single-field mutations of real outputs never throw', () => {
    const sources = [
      'good.imagetools-raw',
      'windows-entry.imagetools-image',
      'amd64-only.imagetools-json',
      'good.manifest-inspect-verbose',
      'engine.image-inspect.good.docker-28.5.2',
    ];
    const junk: Json[] = [null, 0, -1, 1.5, '', 'x', [], {}, true, 'unknown', [1, 2], { os: 'linux' }];
    for (const [s, name] of sources.entries()) {
      const next = rng(1000 + s);
      const text = loadFixture(name).stdout;
      for (let i = 0; i < 300; i++) {
        const doc = JSON.parse(text) as Json;
        mutate(doc, next, junk);
        const out = JSON.stringify(doc);
        for (const parse of Object.values(PARSERS)) {
          const r = parse(out);
          expect(typeof r.ok).toBe('boolean');
        }
      }
    }
  });

  it('property: random byte damage to a real output never throws', () => {
    const next = rng(7);
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(next() * GOOD_RAW.length);
      const damaged = GOOD_RAW.slice(0, at) + String.fromCharCode(Math.floor(next() * 128)) + GOOD_RAW.slice(at + 1);
      for (const parse of Object.values(PARSERS)) expect(typeof parse(damaged).ok).toBe('boolean');
    }
  });
});

/** Replaces one randomly chosen value somewhere in the tree with a junk value. */
function mutate(doc: Json, next: () => number, junk: Json[]): void {
  let node: Json = doc;
  for (let depth = 0; depth < 6; depth++) {
    if (node === null || typeof node !== 'object') return;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[Math.floor(next() * keys.length)] ?? 0;
    const child: Json = Array.isArray(node) ? (node[Number(key)] ?? null) : (node[String(key)] ?? null);
    if (next() < 0.3 || child === null || typeof child !== 'object') {
      const replacement = junk[Math.floor(next() * junk.length)] ?? null;
      if (Array.isArray(node)) node[Number(key)] = replacement;
      else node[String(key)] = replacement;
      return;
    }
    node = child;
  }
}
