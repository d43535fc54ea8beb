/** The registry reader's HTTP: Bearer and Basic auth, redirects, and how manifest and blob answers fail. */
import { describe, expect, it } from 'vitest';
import type { CredentialsPort } from '@registry/index.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { extensionImage, failureOf, readOnce, text, value } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

describe('registry reader: auth, redirects, failures', () => {
  const basic = (user: string, password: string): CredentialsPort => ({
    get: () => Promise.resolve({ kind: 'basic', username: user, password }),
  });

  it('Bearer: fetches an anonymous token from the realm and retries', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer' };
    const { digest } = await extensionImage(reg);
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(text(files.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const token = reg.log.find((l) => l.url.startsWith('/token'));
    expect(token?.url).toContain('service=fake');
    expect(token?.url).toContain('scope=repository%3Acorpus%2Fx%3Apull');
    expect(token?.authorization).toBeUndefined();
    // One token for the whole read.
    expect(reg.log.filter((l) => l.url.startsWith('/token')).length).toBe(1);
  });

  it("Bearer: asks the realm for the challenge's own scope, whatever it is", async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer', scope: 'repository:corpus/x:pull repository:library/base:pull' };
    const { digest } = await extensionImage(reg);
    value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const token = new URL(reg.log.find((l) => l.url.startsWith('/token'))?.url ?? '/', reg.origin);
    expect(token.searchParams.getAll('scope')).toEqual(['repository:corpus/x:pull repository:library/base:pull']);
  });

  it('Bearer with a stored login sends Basic to the realm; a refused login names the registry (the deep layer says what to run)', async () => {
    const reg = await registry();
    reg.auth = { kind: 'bearer', user: 'testuser', pass: 'testpass' };
    const { digest } = await extensionImage(reg);
    const good = await readOnce(
      reg,
      digest,
      ['/darwin/tool'],
      { platform: 'linux/amd64' },
      { credentials: basic('testuser', 'testpass') },
    );
    expect(text(value(good).files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const bad = failureOf(
      await readOnce(
        reg,
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
        { credentials: basic('testuser', 'wrong') },
      ),
    );
    expect(bad.kind).toBe('unauthorized');
    expect(bad.message).toContain(`the registry ${reg.host} (the stored login was refused)`);
    expect(bad.message).not.toMatch(/docker login/);
  });

  it('Basic: sends the stored login; without one the failure is unauthorized', async () => {
    const reg = await registry();
    reg.auth = { kind: 'basic', user: 'u', pass: 'p:with:colons' };
    const { digest } = await extensionImage(reg);
    const good = value(
      await readOnce(
        reg,
        digest,
        ['/darwin/tool'],
        { platform: 'linux/amd64' },
        { credentials: basic('u', 'p:with:colons') },
      ),
    );
    expect(text(good.files.get('/darwin/tool'))).toBe('MACHO-ARM64');
    const none = failureOf(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    expect(none.kind).toBe('unauthorized');
    expect(none.message).toMatch(
      /the registry 127\.0\.0\.1:\d+ wants a user and password, and there is no stored login/,
    );
  });

  // Redirect loops, and redirects to other hosts: registryTargets.test.ts.
  it('a redirect to plain HTTP on a host that is not this machine is refused', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(307, { location: 'http://storage.example.com/blob' }).end();
      return true;
    };
    const plain = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const refused = plain.files.get('/darwin/tool');
    expect(refused?.kind === 'unreadable' ? refused.reason : refused?.kind).toMatch(
      /refused a redirect to http:\/\/storage\.example\.com/,
    );
  });

  it.each([
    [404, 'not-found'],
    [403, 'unauthorized'],
    [429, 'rate-limited'],
    [500, 'error'],
    [503, 'unreachable'],
  ] as const)('a manifest answered %i is %s', async (status, kind) => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"X","message":"said no"}]}');
      return true;
    };
    const f = failureOf(
      await readOnce(reg, digest, ['/x'], {
        platform: 'linux/amd64',
      }),
    );
    expect(f.kind).toBe(kind);
    expect(f.message).toContain(`http://${reg.host}/v2/corpus/x/manifests/${digest}`);
    expect(f.message).toContain('X: said no');
  });

  it('a blob answered 500 leaves the open paths unreadable, with the status', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(500).end('boom');
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/500/);
  });

  it('a blob download cut off by the server leaves the open paths unreadable', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': 100_000 });
      res.write(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), () => res.destroy());
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64' }));
    const found = files.files.get('/darwin/tool');
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toMatch(/cut off|truncated/);
  });
});
