import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter, classifyRequest, startDelayProxy } from '@bench/proxy.js';
import type { DelayProxy } from '@bench/proxy.js';

describe('classifyRequest', () => {
  it.each([
    ['GET', '/v2/', 'ping', undefined],
    ['HEAD', '/v2/bench/07-good/manifests/1.0.0', 'manifest-head', 'bench/07-good'],
    ['GET', '/v2/bench/07-good/manifests/sha256:' + 'a'.repeat(64), 'manifest-get', 'bench/07-good'],
    ['GET', '/v2/corpus/good/blobs/sha256:' + 'b'.repeat(64), 'blob-get', 'corpus/good'],
    ['HEAD', '/v2/a/b/c/blobs/sha256:' + 'b'.repeat(64), 'blob-head', 'a/b/c'],
    ['PUT', '/v2/a/manifests/1', 'other', undefined],
    ['GET', '/token?scope=repository:a:pull', 'token', undefined],
    ['GET', '/v2/_catalog', 'other', undefined],
  ])('%s %s is %s', (method, url, kind, repository) => {
    const c = classifyRequest(method, url);
    expect(c.kind).toBe(kind);
    expect(c.repository).toBe(repository);
  });
});

describe('RequestCounter', () => {
  it('counts by kind and by repository, and resets', () => {
    const counter = new RequestCounter();
    counter.add({ kind: 'manifest-get', repository: 'x' });
    counter.add({ kind: 'manifest-get', repository: 'x' });
    counter.add({ kind: 'manifest-head', repository: 'y' });
    counter.add({ kind: 'ping' });
    expect(counter.total['manifest-get']).toBe(2);
    expect(counter.sum()).toBe(4);
    expect(counter.byRepository.get('x')?.['manifest-get']).toBe(2);
    expect(counter.byRepository.get('y')?.['manifest-head']).toBe(1);
    counter.reset();
    expect(counter.sum()).toBe(0);
    expect(counter.byRepository.size).toBe(0);
  });
});

describe('startDelayProxy', () => {
  let upstream: http.Server;
  let proxy: DelayProxy;
  const seen: string[] = [];
  /** Requests the proxy is holding back, with the delay it asked for. */
  const held: { forward: () => void; delayMs: number }[] = [];
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''} host=${req.headers.host ?? ''}`);
      res.writeHead(200, { 'docker-content-digest': 'sha256:x', 'content-type': 'application/json' });
      res.end(req.method === 'HEAD' ? undefined : '{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    proxy = await startDelayProxy({ host: '127.0.0.1', port }, 30, (forward, delayMs) =>
      held.push({ forward, delayMs }),
    );
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  /** fetch through the proxy, releasing the held request once it arrives. */
  async function through(path: string, init?: RequestInit): Promise<Response> {
    const pending = fetch(`http://${proxy.address}${path}`, init);
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    held.shift()?.forward();
    return pending;
  }

  it('forwards requests unchanged (headers and body) and counts them', async () => {
    const res = await through('/v2/repo/manifests/1.0.0');
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe('sha256:x');
    expect(await res.json()).toEqual({ ok: true });
    await through('/v2/repo/manifests/1.0.0', { method: 'HEAD' });
    expect(proxy.counter.total['manifest-get']).toBe(1);
    expect(proxy.counter.total['manifest-head']).toBe(1);
    expect(seen.at(-1)).toMatch(/^HEAD \/v2\/repo\/manifests\/1\.0\.0 host=127\.0\.0\.1:\d+$/);
  });

  it('holds each request back for the configured delay before the registry sees it', async () => {
    const before = seen.length;
    const pending = fetch(`http://${proxy.address}/v2/`);
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(held[0]?.delayMs).toBe(30);
    expect(seen.length).toBe(before);
    expect(proxy.counter.total.ping).toBe(1);
    held.shift()?.forward();
    expect((await pending).status).toBe(200);
    expect(seen.length).toBe(before + 1);
  });
});
