/**
 * Where a registry can send the reader: redirects only to https or back to the loopback registry's own host
 * and port, token realms the same, never a link-local address (checked before every fetch), and another
 * host's error answer never reaches a result.
 */
import { describe, expect, it } from 'vitest';
import type { FoundFile } from '@core/inside/types.js';
import { createRegistryReader, noCredentials, type FetchLike } from '@registry/index.js';
import { sendBlob } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { blobGets, extensionImage, failureOf, readOnce, text, value } from '../../support/readerFixtures.js';

const { registry, server } = fakeServersPerTest();

const reasonOf = (found: FoundFile | undefined): string =>
  found?.kind === 'unreadable' ? found.reason : `<${found?.kind ?? 'absent'}>`;

/** A fetch that sends https://store.example/... to a local plain-HTTP server, and logs every URL it is given. */
function routedFetch(storeOrigin: string): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(input.href);
      const local = input.origin === 'https://store.example' ? new URL(input.pathname, storeOrigin) : input;
      return fetch(local, init);
    },
  };
}

/** One read of /darwin/tool in the linux/amd64 variant, its blobs redirected to https://store.example (routed). */
async function readThroughStore(reg: Parameters<typeof readOnce>[0], digest: string, storeOrigin: string) {
  const routed = routedFetch(storeOrigin);
  const files = value(
    await readOnce(
      reg,
      digest,
      ['/darwin/tool'],
      { platform: 'linux/amd64' },
      { credentials: noCredentials, fetch: routed.fetch },
    ),
  );
  return { routed, files };
}

describe('registry reader: where a registry may send it', () => {
  it('a redirect to https on another host is followed, without the registry Authorization', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer' };
    const store = await server((_s, req, res) => {
      const bytes = reg.blobs.get((req.url ?? '').replace('/store/', ''));
      if (bytes) sendBlob(req, res, bytes);
      else res.writeHead(404).end();
    });
    reg.redirectBlobsTo = 'https://store.example';
    const { digest } = await extensionImage(reg);
    const { routed, files } = await readThroughStore(reg, digest, store.origin);
    expect(text(files.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(store.log.length).toBeGreaterThan(0);
    expect(store.log.filter((l) => l.authorization !== undefined)).toEqual([]);
    expect(routed.urls.some((u) => u.startsWith('https://store.example/store/sha256:'))).toBe(true);
  });

  it('a redirect to another port of this machine is refused: that service gets no request', async () => {
    const reg = await registry();
    const internal = await server((_s, _req, res) => res.writeHead(200).end('{"Containers":"secret"}'));
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(307, { location: `${internal.origin}/containers/json?all=1` }).end();
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(files.files.get('/darwin/tool'))).toContain(
      `refused a redirect to http://${internal.host} (https only, or the loopback registry's own host and port; never a link-local address)`,
    );
    expect(internal.log).toEqual([]);
  });

  it("a redirect back to the loopback registry's own host and port is followed", async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      const url = req.url ?? '';
      if (!url.includes('/blobs/') || url.startsWith('/moved/')) return false;
      res.writeHead(302, { location: `${reg.origin}/moved${url}` }).end();
      return true;
    };
    const inner = reg.handler;
    reg.handler = (req, res) => {
      const url = req.url ?? '';
      if (!url.startsWith('/moved/')) return inner(req, res);
      sendBlob(req, res, reg.blobs.get(url.slice(url.indexOf('/blobs/') + '/blobs/'.length)) ?? new Uint8Array());
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(text(files.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    expect(reg.log.some((l) => l.url.startsWith('/moved/v2/'))).toBe(true);
  });

  it('no request ever goes to a link-local address: not a redirect, not a realm, not a registry', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    const logged = routedFetch('http://127.0.0.1:1');
    const options = { credentials: noCredentials, fetch: logged.fetch };
    for (const target of [
      'https://169.254.169.254/latest/meta-data',
      'https://[fe80::1]/x',
      'https://[::ffff:169.254.1.1]/x',
    ]) {
      reg.handler = (req, res) => {
        if (!(req.url ?? '').includes('/blobs/')) return false;
        res.writeHead(307, { location: target }).end();
        return true;
      };
      const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }, options));
      expect(reasonOf(files.files.get('/darwin/tool'))).toMatch(/refused a redirect to https:\/\//);
    }
    reg.handler = undefined;
    reg.auth = { kind: 'bearer', realm: 'https://169.254.169.254/token' };
    const realm = failureOf(await readOnce(reg, digest, ['/x'], { platform: 'linux/amd64' }, options));
    expect(realm.message).toBe(
      "refused the token realm https://169.254.169.254 (https only, or the loopback registry's own host and port; never a link-local address)",
    );
    const reader = createRegistryReader(options);
    const direct = failureOf(
      await reader.readVariantFiles({ domain: '169.254.169.254:5000', path: 'x/y' }, digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(direct.message).toMatch(
      /^GET https:\/\/169\.254\.169\.254:5000\/v2\/x\/y\/manifests\/sha256:[0-9a-f]+: refused/,
    );
    expect(logged.urls.filter((u) => /169\.254|fe80|a9fe/.test(u))).toEqual([]);
  });

  it('a token realm over plain HTTP to another host is refused; the token service gets no request', async () => {
    const reg = await registry();
    const tokens = await server((_s, _req, res) => res.writeHead(200).end('{"token":"tok-123"}'));
    reg.auth = { kind: 'bearer', realm: `${tokens.origin}/token` };
    const { digest } = await extensionImage(reg);
    const f = failureOf(await readOnce(reg, digest, ['/x'], { platform: 'linux/amd64' }));
    expect(f.kind).toBe('unauthorized');
    expect(f.message).toBe(
      `refused the token realm http://${tokens.host} (https only, or the loopback registry's own host and port; never a link-local address)`,
    );
    expect(tokens.log).toEqual([]);
  });

  it("another host's error answer never reaches the result, only its status", async () => {
    const reg = await registry();
    const store = await server((_s, _req, res) =>
      res.writeHead(500, 'Internal SECRET-REASON').end('SECRET-BODY from the store'),
    );
    reg.redirectBlobsTo = 'https://store.example';
    const { digest } = await extensionImage(reg);
    const { files } = await readThroughStore(reg, digest, store.origin);
    const reason = reasonOf(files.files.get('/darwin/tool'));
    expect(reason).toMatch(/GET https:\/\/store\.example\/store\/sha256:[0-9a-f]+: 500$/);
    expect(reason).not.toContain('SECRET');
    // The registry's own error answer is still quoted.
    reg.redirectBlobsTo = undefined;
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(500).end('{"errors":[{"code":"BLOB_BROKEN","message":"disk failed"}]}');
      return true;
    };
    const own = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(own.files.get('/darwin/tool'))).toContain('500 Internal Server Error (BLOB_BROKEN: disk failed)');
  });

  it('a 401 from a redirect target is not answered: no token is asked for, the read is unauthorized', async () => {
    const reg = await registry();
    const store = await server((_s, _req, res) =>
      res.writeHead(401, { 'www-authenticate': `Bearer realm="https://store.example/token"` }).end(),
    );
    reg.redirectBlobsTo = 'https://store.example';
    const { digest } = await extensionImage(reg);
    const { routed, files } = await readThroughStore(reg, digest, store.origin);
    expect(reasonOf(files.files.get('/darwin/tool'))).toMatch(/: 401: unauthorized, authentication required$/);
    expect(routed.urls.filter((u) => u.includes('/token'))).toEqual([]);
  });

  it('a redirect loop ends after 5 redirects: 6 requests, then a failure', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(302, { location: req.url ?? '/' }).end();
      return true;
    };
    const loop = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(reasonOf(loop.files.get('/darwin/tool'))).toMatch(/: more than 5 redirects$/);
    // The top layer's blob only: the read stops at the first layer it cannot have.
    expect(blobGets(reg)).toHaveLength(6);
    expect(new Set(blobGets(reg)).size).toBe(1);
    expect(blobGets(reg)[0]).toMatch(/^\/v2\/corpus\/x\/blobs\/sha256:[0-9a-f]{64}$/);
  });
});
