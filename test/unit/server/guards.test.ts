import { describe, expect, it } from 'vitest';
import { allowedHosts, checkFetchSite, checkHost, checkKey, checkOrigin } from '@server/guards.js';

const PORT = 4680;

describe('checkHost', () => {
  it.each(['127.0.0.1:4680', 'localhost:4680', 'LOCALHOST:4680'])('accepts %s', (host) => {
    expect(checkHost(host, PORT).ok).toBe(true);
  });

  it.each([
    ['a rebinding name', 'evil.example:4680'],
    ['another port', '127.0.0.1:4681'],
    ['no port', '127.0.0.1'],
    ['the IPv6 loopback', '[::1]:4680'],
    ['0.0.0.0', '0.0.0.0:4680'],
    ['an empty value', ''],
  ])('refuses %s with 403', (_name, host) => {
    const result = checkHost(host, PORT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ statusCode: 403, name: 'forbidden-host' });
  });

  it('refuses a missing Host header', () => {
    expect(checkHost(undefined, PORT).ok).toBe(false);
  });

  it('lists exactly the loopback names for the port', () => {
    expect(allowedHosts(5123)).toEqual(['127.0.0.1:5123', 'localhost:5123']);
  });
});

describe('checkOrigin', () => {
  it.each(['http://127.0.0.1:4680', 'http://localhost:4680'])('accepts the page origin %s', (origin) => {
    expect(checkOrigin(origin, PORT).ok).toBe(true);
  });

  it('accepts no Origin at all (curl, scripts: they still need the key)', () => {
    expect(checkOrigin(undefined, PORT).ok).toBe(true);
  });

  it.each([
    'http://evil.example',
    'http://127.0.0.1:4681',
    'https://127.0.0.1:4680',
    'null',
    'http://127.0.0.1:4680.evil.example',
    'http://localhost:4680/',
  ])('refuses %s with 403', (origin) => {
    const result = checkOrigin(origin, PORT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ statusCode: 403, name: 'forbidden-origin' });
  });
});

describe('checkFetchSite', () => {
  it.each([undefined, 'same-origin', 'none'])('accepts %s', (site) => {
    expect(checkFetchSite(site).ok).toBe(true);
  });

  it.each(['cross-site', 'same-site'])('refuses %s', (site) => {
    expect(checkFetchSite(site).ok).toBe(false);
  });
});

describe('checkKey', () => {
  const key = 'k'.repeat(32);

  it('accepts the key', () => {
    expect(checkKey(key, key).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a prefix', key.slice(0, 31)],
    ['longer', `${key}x`],
    ['different', 'j'.repeat(32)],
    ['repeated header', [key, key]],
  ])('refuses a %s key with 401', (_name, given) => {
    const result = checkKey(given, key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ statusCode: 401, name: 'unauthorized' });
  });
});
