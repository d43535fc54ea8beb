/**
 * The Engine API allowlist (src/engine/engineCalls.ts), tested like the command allowlist: each call's
 * exact path is pinned, and every other method and path is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  engineCallPath,
  engineImageName,
  isAllowedEngineRequest,
  type ApiVersion,
  type EngineCall,
  type EngineImageName,
} from '@engine/index.js';

const V45: ApiVersion = { major: 1, minor: 45 };
const V47: ApiVersion = { major: 1, minor: 47 };
const V51: ApiVersion = { major: 1, minor: 51 };
const GOOD = '127.0.0.1:5100/corpus/good:1.0.0';
const GOOD_ENCODED = '127.0.0.1%3A5100%2Fcorpus%2Fgood%3A1.0.0';
const ID = 'sha256:740129caf6959c4b8b5c74be0406005a3c87d68441362ff474feef9724b5b495';
const AMD64 = '%7B%22os%22%3A%22linux%22%2C%22architecture%22%3A%22amd64%22%7D';

function name(text: string): EngineImageName {
  const checked = engineImageName(text);
  if (!checked.ok) throw new Error(`test setup: ${text}: ${checked.error}`);
  return checked.value;
}

function path(call: EngineCall, api: ApiVersion | undefined): string {
  const built = engineCallPath(call, api);
  if (!built.ok) throw new Error(`test setup: ${JSON.stringify(call)}: ${built.error}`);
  return built.value;
}

describe('engineCallPath builds exactly these paths', () => {
  it.each<[EngineCall, ApiVersion | undefined, string]>([
    [{ call: 'ping' }, undefined, '/_ping'],
    [{ call: 'version' }, undefined, '/version'],
    [{ call: 'ping' }, V51, '/v1.51/_ping'],
    [{ call: 'images' }, V45, '/v1.45/images/json'],
    [{ call: 'images', manifests: true }, V47, '/v1.47/images/json?manifests=1'],
    [{ call: 'images', manifests: true }, V51, '/v1.51/images/json?manifests=1'],
    [{ call: 'inspect', name: name(GOOD) }, V45, `/v1.45/images/${GOOD_ENCODED}/json`],
    [{ call: 'inspect', name: name(ID) }, V51, `/v1.51/images/sha256%3A${ID.slice(7)}/json`],
    [{ call: 'export', name: name(GOOD) }, V45, `/v1.45/images/${GOOD_ENCODED}/get`],
    [
      { call: 'export', name: name(GOOD), platform: { os: 'linux', architecture: 'amd64' } },
      V51,
      `/v1.51/images/${GOOD_ENCODED}/get?platform=${AMD64}`,
    ],
    [
      { call: 'export', name: name(ID), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
      V51,
      `/v1.51/images/sha256%3A${ID.slice(7)}/get?platform=%7B%22os%22%3A%22linux%22%2C%22architecture%22%3A%22arm%22%2C%22variant%22%3A%22v7%22%7D`,
    ],
    [
      { call: 'inspect', name: name('docker.io/library/alpine@sha256:' + 'a'.repeat(64)) },
      V51,
      `/v1.51/images/docker.io%2Flibrary%2Falpine%40sha256%3A${'a'.repeat(64)}/json`,
    ],
  ])('%j at %j -> %s, and the allowlist accepts it', (call, api, expected) => {
    expect(path(call, api)).toBe(expected);
    expect(isAllowedEngineRequest('GET', expected)).toBe(true);
  });

  it('uses a call part only where the API version offers it', () => {
    expect(engineCallPath({ call: 'images', manifests: true }, V45).ok).toBe(false);
    expect(
      engineCallPath({ call: 'export', name: name(GOOD), platform: { os: 'linux', architecture: 'amd64' } }, V47).ok,
    ).toBe(false);
    expect(engineCallPath({ call: 'images' }, undefined).ok).toBe(false);
    expect(engineCallPath({ call: 'inspect', name: name(GOOD) }, undefined).ok).toBe(false);
  });

  it('takes only canonical references and image IDs as names', () => {
    expect(engineImageName('alpine').ok).toBe(false);
    expect(engineImageName('docker.io/library/alpine:latest').ok).toBe(true);
    expect(engineImageName('c3fa25e2c87d').ok).toBe(true);
    for (const bad of ['../../containers/json', 'a/b/../c', 'x y', 'a;b', '', 'UPPER/case:1', 'a?b', 'a#b', 'a%2Fb']) {
      expect(engineImageName(bad).ok, bad).toBe(false);
    }
    // A name the builder is handed unchecked (a cast) is still refused.
    expect(engineCallPath({ call: 'inspect', name: '../x' as EngineImageName }, V51).ok).toBe(false);
  });
});

describe('isAllowedEngineRequest refuses every other method and path', () => {
  it.each(['POST', 'DELETE', 'PUT', 'HEAD', 'PATCH', 'OPTIONS', 'get', 'CONNECT'])('%s', (method) => {
    expect(isAllowedEngineRequest(method, '/_ping')).toBe(false);
    expect(isAllowedEngineRequest(method, `/v1.51/images/${GOOD_ENCODED}/get`)).toBe(false);
  });

  it.each([
    // other endpoints, read-only or not
    '/containers/json',
    '/v1.51/containers/json',
    '/v1.51/containers/create',
    '/v1.51/containers/x/exec',
    '/v1.51/exec/x/start',
    '/v1.51/info',
    '/v1.51/events',
    '/v1.51/system/df',
    '/v1.51/volumes',
    '/v1.51/networks',
    '/v1.51/build',
    '/v1.51/images/create?fromImage=alpine',
    '/v1.51/images/load',
    '/v1.51/images/get?names=alpine',
    '/v1.51/images/search?term=x',
    '/v1.51/images/prune',
    `/v1.51/images/${GOOD_ENCODED}/push`,
    `/v1.51/images/${GOOD_ENCODED}/tag?repo=x`,
    `/v1.51/images/${GOOD_ENCODED}/history`,
    `/v1.51/images/${GOOD_ENCODED}`,
    '/v1.51/images/x/push',
    '/v1.51/distribution/alpine/json',
    '/v1.51/plugins',
    '/v1.51/swarm',
    '/v1.51/session',
    '/v1.51/auth',
    // unversioned image calls (the version is negotiated first), odd versions and prefixes
    '/images/json',
    `/images/${GOOD_ENCODED}/get`,
    '/v1.99/_ping',
    '/v1.40/images/json',
    '/v2.0/_ping',
    '/v1.51a/_ping',
    '/v1.051/_ping',
    '/v1.45/v1.45/_ping',
    '//_ping',
    '_ping',
    '',
    '/_ping/',
    '/_ping?x=1',
    '/version?x',
    '/version#frag',
    // query injection
    '/v1.51/images/json?manifests=1&all=1',
    '/v1.51/images/json?all=1',
    '/v1.51/images/json?manifests=0',
    '/v1.51/images/json?filters=%7B%7D',
    '/v1.45/images/json?manifests=1',
    `/v1.51/images/${GOOD_ENCODED}/json?x=1`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=${AMD64}&names=x`,
    `/v1.51/images/${GOOD_ENCODED}/get?names=x`,
    `/v1.47/images/${GOOD_ENCODED}/get?platform=${AMD64}`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=linux%2Famd64`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=%7B%22os%22%3A%22linux%22%2C%22architecture%22%3A%22x86_64%22%7D`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=%7B%22architecture%22%3A%22amd64%22%2C%22os%22%3A%22linux%22%7D`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=%7B%22os%22%3A%22linux%22%2C%22architecture%22%3A%22amd64%22%2C%22x%22%3A1%7D`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=${AMD64}#x`,
    `/v1.51/images/${GOOD_ENCODED}/get?platform=${AMD64}?`,
    // path traversal and encoded slashes
    '/v1.51/images/../containers/json',
    '/v1.51/images/..%2Fcontainers/json',
    '/v1.51/images/%2E%2E%2Fcontainers%2Fjson/json',
    '/v1.51/images/..%2F..%2Fcontainers%2Fjson/get',
    `/v1.51/images/${GOOD_ENCODED}/../../containers/json`,
    '/v1.51/images/127.0.0.1:5100/corpus/good:1.0.0/json',
    '/v1.51/images/127.0.0.1%3A5100/corpus%2Fgood%3A1.0.0/json',
    '/v1.51/images/alpine/json',
    // a valid name in a non-canonical encoding
    '/v1.51/images/127.0.0.1%3a5100%2fcorpus%2fgood%3a1.0.0/json',
    '/v1.51/images/%31%32%37.0.0.1%3A5100%2Fcorpus%2Fgood%3A1.0.0/json',
    '/v1.51/images/%E0%A4%A/json',
    '/v1.51/images/x%00y/json',
    '/v1.51/images/docker.io%2Flibrary%2Falpine%3Alatest%0A/json',
    `/v1.51/images/${'a'.repeat(3000)}/json`,
  ])('%s', (refused) => {
    expect(isAllowedEngineRequest('GET', refused)).toBe(false);
  });
});
