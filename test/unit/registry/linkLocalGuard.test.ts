/**
 * No request goes to a link-local address through a host NAME either: the name is resolved before each request
 * (a stubbed lookup here), and an answer in 169.254.0.0/16 or fe80::/10 refuses it with a clear message; a name
 * that resolves elsewhere is fetched as usual. Also through the reader: a redirect to such a name is never sent.
 */
import { describe, expect, it } from 'vitest';
import type { FoundFile } from '@core/inside/types.js';
import { noCredentials, type FetchLike, type HostLookup } from '@registry/index.js';
import { RegistryFailure } from '@registry/httpFailure.js';
import { isLinkLocalAddress, refuseLinkLocal } from '@registry/linkLocalGuard.js';
import { RegistryClient } from '@registry/registryClient.js';
import { sendBlob } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { extensionImage, readOnce, text, value } from '../../support/readerFixtures.js';

const { registry, server } = fakeServersPerTest();

const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  'metadata.evil.example': ['169.254.169.254'],
  'v6.evil.example': ['fe80::1'],
  'mapped.evil.example': ['::ffff:169.254.169.254'],
  'mixed.evil.example': ['203.0.113.7', '169.254.1.1'],
  'registry.example': ['203.0.113.10', '2001:db8::10'],
};

/** A lookup from the table above (a name not in it fails, as an unknown name does), recording each name asked. */
function stubLookup(asked: string[] = []): HostLookup {
  return (hostname) => {
    asked.push(hostname);
    const answer = ANSWERS[hostname];
    if (answer === undefined) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

/** A fetch that answers 200 "ok" to everything and logs the URLs it is given. */
function loggedFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return { urls, fetch: (input) => (urls.push(input.href), Promise.resolve(new Response('ok'))) };
}

const get = (fetchLike: FetchLike, url: string, signal?: AbortSignal) =>
  fetchLike(new URL(url), { method: 'GET', ...(signal ? { signal } : {}) });

describe('isLinkLocalAddress', () => {
  it('is true for 169.254.0.0/16, fe80::/10 (with a zone id) and IPv4-mapped link-local, false for the rest', () => {
    for (const a of ['169.254.0.1', '169.254.169.254', 'fe80::1', 'febf::1', 'fe80::1%eth0', '::ffff:169.254.1.1'])
      expect(isLinkLocalAddress(a), a).toBe(true);
    for (const a of ['169.253.255.255', '169.255.0.1', 'fec0::1', '127.0.0.1', '::1', '10.0.0.1', '2001:db8::1', 'x'])
      expect(isLinkLocalAddress(a), a).toBe(false);
  });
});

describe('refuseLinkLocal', () => {
  it.each([
    ['metadata.evil.example', '169.254.169.254'],
    ['v6.evil.example', 'fe80::1'],
    ['mapped.evil.example', '::ffff:169.254.169.254'],
    ['mixed.evil.example', '169.254.1.1'],
  ])('%s (resolving to %s) is refused with a clear message, and never fetched', async (host, address) => {
    const inner = loggedFetch();
    const guarded = refuseLinkLocal(inner.fetch, stubLookup());
    const refused = await get(guarded, `https://${host}/v2/x/blobs/sha256:1`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RegistryFailure);
    expect((refused as RegistryFailure).failure).toEqual({
      kind: 'error',
      message: `GET https://${host}/v2/x/blobs/sha256:1: refused: ${host} resolves to ${address}, a link-local address (never a registry: cloud metadata services answer there)`,
    });
    expect(inner.urls).toEqual([]);
  });

  it('a name that resolves elsewhere is fetched; an address in the URL needs no lookup; a failed lookup is left to the fetch', async () => {
    const inner = loggedFetch();
    const asked: string[] = [];
    const guarded = refuseLinkLocal(inner.fetch, stubLookup(asked));
    expect(await (await get(guarded, 'https://registry.example/v2/')).text()).toBe('ok');
    await get(guarded, 'http://127.0.0.1:5000/v2/');
    await get(guarded, 'http://[::1]:5000/v2/');
    await get(guarded, 'https://unknown.example/v2/');
    expect(asked).toEqual(['registry.example', 'unknown.example']);
    expect(inner.urls).toEqual([
      'https://registry.example/v2/',
      'http://127.0.0.1:5000/v2/',
      'http://[::1]:5000/v2/',
      'https://unknown.example/v2/',
    ]);
  });

  it('a lookup that never answers ends with the request signal (the deadline), not later', async () => {
    const inner = loggedFetch();
    const guarded = refuseLinkLocal(inner.fetch, () => new Promise(() => undefined));
    const deadline = AbortSignal.timeout(30);
    const started = Date.now();
    const ended = await get(guarded, 'https://slow.example/v2/', deadline).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((ended as Error).name).toBe('TimeoutError');
    expect(inner.urls).toEqual([]);
  });

  it('the registry client checks every request with its lookup: the registry, a redirect hop, a token realm', async () => {
    const inner = loggedFetch();
    const client = new RegistryClient({ credentials: noCredentials, fetch: inner.fetch, lookup: stubLookup() });
    const signals = { deadline: AbortSignal.timeout(5_000), signal: AbortSignal.timeout(5_000) };
    const refused = await client
      .manifest({ domain: 'metadata.evil.example', path: 'x/y' }, 'latest', signals)
      .catch((e: unknown) => e);
    expect((refused as RegistryFailure).failure.message).toMatch(
      /^GET https:\/\/metadata\.evil\.example\/v2\/x\/y\/manifests\/latest: refused: metadata\.evil\.example resolves to 169\.254\.169\.254, a link-local address/,
    );
    expect(inner.urls).toEqual([]);
  });
});

describe('the registry reader with a lookup', () => {
  const reasonOf = (found: FoundFile | undefined): string =>
    found?.kind === 'unreadable' ? found.reason : `<${found?.kind ?? 'absent'}>`;

  it('a blob redirect to a name that resolves link-local is refused; one that resolves elsewhere is followed', async () => {
    const reg = await registry();
    const store = await server((_s, req, res) => {
      const bytes = reg.blobs.get((req.url ?? '').replace('/store/', ''));
      if (bytes) sendBlob(req, res, bytes);
      else res.writeHead(404).end();
    });
    const { digest } = await extensionImage(reg);
    const urls: string[] = [];
    // https://<name>/... goes to the local store server; every URL is logged.
    const routed: FetchLike = (input, init) => {
      urls.push(input.href);
      return fetch(input.protocol === 'https:' ? new URL(input.pathname, store.origin) : input, init);
    };
    const options = { credentials: noCredentials, fetch: routed, lookup: stubLookup() };
    reg.redirectBlobsTo = 'https://metadata.evil.example';
    const refused = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }, options));
    expect(reasonOf(refused.files.get('/darwin/tool'))).toContain(
      'refused: metadata.evil.example resolves to 169.254.169.254, a link-local address',
    );
    expect(urls.filter((u) => u.includes('evil'))).toEqual([]);
    expect(store.log).toEqual([]);
    reg.redirectBlobsTo = 'https://registry.example';
    const followed = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }, options));
    expect(text(followed.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(urls.some((u) => u.startsWith('https://registry.example/store/sha256:'))).toBe(true);
  });
});
