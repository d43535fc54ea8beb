/**
 * The registry client's default network checks the address its connection actually goes to: the lookup a
 * connection resolves its host name with (a stub here, no real DNS) refuses a link-local answer at connect
 * time, with the same message as the check before a request. So a name whose answer changes between two
 * lookups (DNS rebinding with a zero TTL) is refused, and so are a redirect hop and a token realm.
 */
import { describe, expect, it } from 'vitest';
import { noCredentials, type HostLookup } from '@registry/index.js';
import { guardedFetch } from '@registry/guardedFetch.js';
import { RegistryFailure } from '@registry/httpFailure.js';
import { connectLookup, type ResolvedAddress } from '@registry/linkLocalGuard.js';
import { RegistryClient } from '@registry/registryClient.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { extensionImage } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

const answer = (address: string): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 });

/** A lookup whose first answer is `first` and every later one `then` (a rebinding name), recording each name asked. */
function rebinding(first: string, then: string, asked: string[] = []): HostLookup {
  return (hostname) => {
    asked.push(hostname);
    return Promise.resolve([answer(asked.length === 1 ? first : then)]);
  };
}

/** A lookup from a table (an unknown name fails as such a name does). */
function tableLookup(table: Readonly<Record<string, string>>): HostLookup {
  return (hostname) => {
    const address = table[hostname];
    if (address === undefined) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve([answer(address)]);
  };
}

const signals = () => ({ deadline: AbortSignal.timeout(5_000), signal: AbortSignal.timeout(5_000) });
const refusal = (host: string, address: string) =>
  `refused: ${host} resolves to ${address}, a link-local address (never a registry: cloud metadata services answer there)`;
const messageOf = (e: unknown): string => (e instanceof RegistryFailure ? e.failure.message : `<${String(e)}>`);

describe('connectLookup', () => {
  it('answers as net.connect asks (one address, or all of them), and refuses a link-local answer among them', async () => {
    const lookup = connectLookup((name) =>
      Promise.resolve(name === 'mixed.example' ? [answer('203.0.113.7'), answer('169.254.1.1')] : [answer('::1')]),
    );
    const ask = (name: string, all: boolean) =>
      new Promise<unknown[]>((resolve) => lookup(name, { all }, (...args) => resolve(args)));
    expect(await ask('registry.example', false)).toEqual([null, '::1', 6]);
    expect(await ask('registry.example', true)).toEqual([null, [{ address: '::1', family: 6 }]]);
    const [error] = await ask('mixed.example', true);
    expect((error as Error).message).toBe(refusal('mixed.example', '169.254.1.1'));
  });
});

describe('the default network refuses link-local answers at connect time', () => {
  it.each(['169.254.169.254', 'fe80::1', '::ffff:169.254.169.254'])(
    'a name first resolving to 127.0.0.1, then to %s, is refused by the connection, though the check before the request passed',
    async (address) => {
      const reg = await registry();
      const { digest } = await extensionImage(reg);
      const asked: string[] = [];
      const lookup = rebinding('127.0.0.1', address, asked);
      // The check before the request gets the first answer; the connection resolves again and gets the second.
      const client = new RegistryClient({ credentials: noCredentials, fetch: guardedFetch(lookup), lookup });
      const repo = { domain: `localhost:${new URL(reg.origin).port}`, path: 'corpus/x' };
      const refused = await client.manifest(repo, digest, signals()).catch((e: unknown) => e);
      expect(messageOf(refused)).toBe(
        `GET http://${repo.domain}/v2/corpus/x/manifests/${digest}: ${refusal('localhost', address)}`,
      );
      expect(asked).toEqual(['localhost', 'localhost']);
      expect(reg.log).toEqual([]);
    },
  );

  it('a name that rebinds between two requests: the first connection goes through, the next is refused', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    // No kept-alive connection: each request opens its own, so each resolves the name again.
    reg.handler = (_req, res) => (res.setHeader('connection', 'close'), false);
    const client = new RegistryClient({
      credentials: noCredentials,
      lookup: rebinding('127.0.0.1', '169.254.169.254'),
    });
    const repo = { domain: `localhost:${new URL(reg.origin).port}`, path: 'corpus/x' };
    expect((await client.manifest(repo, digest, signals())).bytes.byteLength).toBeGreaterThan(0);
    const refused = await client.manifest(repo, digest, signals()).catch((e: unknown) => e);
    expect(messageOf(refused)).toBe(
      `GET http://${repo.domain}/v2/corpus/x/manifests/${digest}: ${refusal('localhost', '169.254.169.254')}`,
    );
    expect(reg.log.map((l) => l.url)).toEqual([`/v2/corpus/x/manifests/${digest}`]);
  });

  it('a redirect hop and a token realm whose names resolve link-local are refused by their connections', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const lookup = tableLookup({
      localhost: '127.0.0.1',
      'metadata.evil.example': '169.254.169.254',
      'v6.evil.example': 'fe80::1',
    });
    const client = new RegistryClient({ credentials: noCredentials, lookup });
    const repo = { domain: `localhost:${new URL(reg.origin).port}`, path: 'corpus/x' };
    const blobDigest = [...reg.blobs.keys()][0] ?? '';
    reg.redirectBlobsTo = 'https://metadata.evil.example';
    const redirected = await client.blob(repo, blobDigest, signals()).catch((e: unknown) => e);
    expect(messageOf(redirected)).toBe(
      `GET https://metadata.evil.example/store/${blobDigest}: ${refusal('metadata.evil.example', '169.254.169.254')}`,
    );
    reg.auth = { kind: 'bearer', realm: 'https://v6.evil.example/token' };
    const realm = await client.manifest(repo, digest, signals()).catch((e: unknown) => e);
    expect(messageOf(realm)).toBe(`GET https://v6.evil.example/token: ${refusal('v6.evil.example', 'fe80::1')}`);
  });
});
