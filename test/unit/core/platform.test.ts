import { describe, expect, it } from 'vitest';
import {
  comparePlatformKeys,
  parsePlatformSpecifier,
  hostPlatform,
  isAttestation,
  normalisePlatform,
  parsePlatform,
  platformKey,
  RECOMMENDED_PLATFORMS,
} from '@core/index.js';
import { loadFixture } from '../../support/recordings.js';

const keyOf = (text: string): string => {
  const r = parsePlatform(text);
  if (!r.ok) throw new Error(r.error.message);
  return platformKey(r.value);
};

describe('platforms', () => {
  it('recommends linux/amd64 and linux/arm64', () => {
    expect(RECOMMENDED_PLATFORMS).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it.each([
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm64', 'linux/arm64'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/x64', 'linux/amd64'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/i386', 'linux/386'],
    ['Linux/AMD64', 'linux/amd64'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/amd64/v3', 'linux/amd64/v3'],
    ['linux/armhf', 'linux/arm/v7'],
    ['windows/amd64', 'windows/amd64'],
  ])('%s is %s', (input, expected) => {
    expect(keyOf(input)).toBe(expected);
  });

  it.each(['linux', 'linux/', '/amd64', 'a/b/c/d', '', 'linux/amd 64', 'linux/$(id)'])('refuses %j', (input) => {
    const r = parsePlatform(input);
    expect(r.ok).toBe(false);
  });

  it('normalisePlatform keeps os.version and refuses wrong types', () => {
    const r = normalisePlatform({ os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.5329' });
    expect(r.ok && r.value).toEqual({ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5329' });
    expect(normalisePlatform({ os: 'linux', architecture: 5 }).ok).toBe(false);
    expect(normalisePlatform({ os: 'linux' }).ok).toBe(false);
    expect(normalisePlatform({ os: 'linux', architecture: 'amd64', 'os.version': 1 }).ok).toBe(false);
    expect(normalisePlatform({ os: 'linux', architecture: 'amd64', variant: {} }).ok).toBe(false);
  });

  it('hostPlatform: x64 and arm64 hosts run linux images whatever the host OS', () => {
    expect(hostPlatform('x64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(hostPlatform('amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(hostPlatform('aarch64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(hostPlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(hostPlatform('mips')).toBeUndefined();
  });

  it('orders linux/amd64, linux/arm64, other linux, other OSes', () => {
    const keys = [
      'windows/amd64',
      'linux/s390x',
      'linux/arm64',
      'linux/386',
      'linux/amd64',
      'darwin/arm64',
      'linux/arm/v7',
    ];
    expect([...keys].sort(comparePlatformKeys)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/386',
      'linux/arm/v7',
      'linux/s390x',
      'darwin/arm64',
      'windows/amd64',
    ]);
  });

  it('tells attestations apart from platforms in a real index', () => {
    const doc = JSON.parse(loadFixture('good.imagetools-raw').stdout) as { manifests: unknown[] };
    expect(doc.manifests.map(isAttestation)).toEqual([false, false, true, true]);
  });

  it('isAttestation: annotation alone, unknown/unknown alone, neither', () => {
    expect(
      isAttestation({
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { os: 'linux', architecture: 'amd64' },
      }),
    ).toBe(true);
    expect(isAttestation({ platform: { os: 'unknown', architecture: 'unknown' } })).toBe(true);
    expect(isAttestation({ platform: { os: 'linux', architecture: 'amd64' } })).toBe(false);
    expect(isAttestation(null)).toBe(false);
    expect(isAttestation('unknown/unknown')).toBe(false);
  });
});

describe('parsePlatformSpecifier (docker --platform forms)', () => {
  it.each([
    ['amd64', 'linux/amd64'],
    ['arm64', 'linux/arm64'],
    ['arm', 'linux/arm/v7'],
    ['x86_64', 'linux/amd64'],
    ['i386', 'linux/386'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['windows/amd64', 'windows/amd64'],
    [' Linux/ARM/v6 ', 'linux/arm/v6'],
  ])('%s -> %s', (text, key) => {
    const parsed = parsePlatformSpecifier(text);
    expect(parsed.ok && platformKey(parsed.value)).toBe(key);
  });
  it.each(['linux', 'arm/v7', 'amd46', 'linux/amd46', 'lnux/amd64', '', 'a/b/c/d'])(
    'refuses %j with a typed error',
    (text) => {
      const parsed = parsePlatformSpecifier(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.kind).toBe('malformed');
    },
  );
});
