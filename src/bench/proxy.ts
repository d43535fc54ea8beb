/**
 * A loopback HTTP proxy in front of a registry that waits `delayMs` before forwarding each request
 * (a registry far away) and counts the requests by kind and repository.
 * buildx reaches 127.0.0.1:PORT over plain HTTP without any configuration.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestKind = 'manifest-get' | 'manifest-head' | 'blob-get' | 'blob-head' | 'ping' | 'token' | 'other';
export const REQUEST_KINDS: readonly RequestKind[] = [
  'manifest-get',
  'manifest-head',
  'blob-get',
  'blob-head',
  'ping',
  'token',
  'other',
];

export interface Classified {
  readonly kind: RequestKind;
  /** Repository name for manifest and blob requests ("bench/07-good"). */
  readonly repository?: string;
}

const MANIFEST_OR_BLOB = /^\/v2\/(.+)\/(manifests|blobs)\/[^/]+$/;

/** What a registry request is, from its method and path (distribution API v2). */
export function classifyRequest(method: string, url: string): Classified {
  const path = url.split('?')[0] ?? '';
  if (path === '/v2/' || path === '/v2') return { kind: 'ping' };
  const match = MANIFEST_OR_BLOB.exec(path);
  if (match !== null && (method === 'GET' || method === 'HEAD')) {
    const what = match[2] === 'manifests' ? 'manifest' : 'blob';
    return { kind: `${what}-${method === 'GET' ? 'get' : 'head'}`, repository: match[1] };
  }
  if (/\/(token|auth)\b/.test(path)) return { kind: 'token' };
  return { kind: 'other' };
}

export type KindCounts = Record<RequestKind, number>;
export const zeroCounts = (): KindCounts => ({
  'manifest-get': 0,
  'manifest-head': 0,
  'blob-get': 0,
  'blob-head': 0,
  ping: 0,
  token: 0,
  other: 0,
});

export class RequestCounter {
  readonly total: KindCounts = zeroCounts();
  readonly byRepository = new Map<string, KindCounts>();

  add(c: Classified): void {
    this.total[c.kind] += 1;
    if (c.repository === undefined) return;
    const counts = this.byRepository.get(c.repository) ?? zeroCounts();
    counts[c.kind] += 1;
    this.byRepository.set(c.repository, counts);
  }

  reset(): void {
    for (const kind of REQUEST_KINDS) this.total[kind] = 0;
    this.byRepository.clear();
  }

  sum(): number {
    return REQUEST_KINDS.reduce((n, kind) => n + this.total[kind], 0);
  }
}

export interface DelayProxy {
  readonly address: string;
  readonly counter: RequestCounter;
  delayMs: number;
  close(): Promise<void>;
}

/** How the proxy waits before forwarding; tests pass their own to hold and release requests. */
export type Schedule = (forward: () => void, delayMs: number) => void;

export async function startDelayProxy(
  upstream: { host: string; port: number },
  delayMs: number,
  schedule: Schedule = (forward, ms) => void setTimeout(forward, ms),
): Promise<DelayProxy> {
  const counter = new RequestCounter();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const state = { delayMs };
  const server = http.createServer((req, res) => {
    counter.add(classifyRequest(req.method ?? 'GET', req.url ?? '/'));
    schedule(() => {
      const forward = http.request(
        {
          host: upstream.host,
          port: upstream.port,
          method: req.method,
          path: req.url,
          agent,
          headers: { ...req.headers, host: `${upstream.host}:${upstream.port}` },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      });
      req.pipe(forward);
    }, state.delayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const bound: AddressInfo | string | null = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('the proxy did not bind a TCP port');
  const { port } = bound;
  return {
    address: `127.0.0.1:${port}`,
    counter,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
