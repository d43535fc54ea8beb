/** A tiny registry on 127.0.0.1 for the reader's unit tests: manifests, blobs, auth, redirects, failures. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

export interface Logged {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly range?: string;
}

/** Bearer challenges name `${origin}/token` and the scope "repository:corpus/x:pull" unless `realm` or `scope` say otherwise. */
export type AuthMode =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; pass: string }
  | { kind: 'bearer'; user?: string; pass?: string; realm?: string; scope?: string };

export interface FakeServer {
  readonly origin: string;
  readonly host: string;
  readonly log: Logged[];
  /** Overrides: return true when handled. */
  handler?: (req: IncomingMessage, res: ServerResponse) => boolean;
  close(): Promise<void>;
}

export async function startServer(
  handle: (server: FakeServer, req: IncomingMessage, res: ServerResponse) => void,
): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const state: { server?: Server } = {};
  const fake: FakeServer = {
    origin: '',
    host: '',
    log: [],
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        state.server?.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    fake.log.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(typeof req.headers.range === 'string' ? { range: req.headers.range } : {}),
    });
    if (fake.handler?.(req, res)) return;
    handle(fake, req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  state.server = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(fake, { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` });
  return fake;
}

export const digestOf = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface TarFile {
  readonly name: string;
  readonly data?: string | Uint8Array;
  readonly type?: 'file' | 'directory' | 'symlink';
  readonly linkname?: string;
}

export async function tarOf(files: readonly TarFile[]): Promise<Uint8Array> {
  const p = pack();
  for (const f of files) {
    const data = typeof f.data === 'string' ? Buffer.from(f.data) : Buffer.from(f.data ?? new Uint8Array());
    if (f.type === 'directory' || f.type === 'symlink')
      p.entry({ name: f.name, type: f.type, ...(f.linkname ? { linkname: f.linkname } : {}) });
    else p.entry({ name: f.name, type: 'file', mode: 0o755, size: data.byteLength }, data);
  }
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));

export const LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';

export interface Layer {
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** A registry serving one repository's manifests and blobs, with the given auth. */
export interface FakeRegistry extends FakeServer {
  readonly blobs: Map<string, Uint8Array>;
  readonly manifests: Map<string, Uint8Array>;
  auth: AuthMode;
  /** Blob GETs answered with a redirect to this origin (the blob store). */
  redirectBlobsTo?: string;
  /** Answers Range requests with 206 (default true). */
  ranges: boolean;
  /** Adds an image manifest with these layers (bottom first); returns its digest. */
  addImage(layers: readonly Layer[]): string;
}

const TOKEN = 'tok-123';

export async function startRegistry(): Promise<FakeRegistry> {
  const blobs = new Map<string, Uint8Array>();
  const manifests = new Map<string, Uint8Array>();
  const reg = (await startServer((fake, req, res) => {
    const r = fake as FakeRegistry;
    const url = new URL(req.url ?? '/', r.origin);
    if (url.pathname === '/token') {
      if (r.auth.kind === 'bearer' && r.auth.user !== undefined) {
        const want = `Basic ${Buffer.from(`${r.auth.user}:${r.auth.pass ?? ''}`).toString('base64')}`;
        if (req.headers.authorization !== want) {
          res.writeHead(401).end();
          return;
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: TOKEN }));
      return;
    }
    if (r.auth.kind === 'basic') {
      const want = `Basic ${Buffer.from(`${r.auth.user}:${r.auth.pass}`).toString('base64')}`;
      if (req.headers.authorization !== want) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
        return;
      }
    }
    if (r.auth.kind === 'bearer' && req.headers.authorization !== `Bearer ${TOKEN}`) {
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="${r.auth.realm ?? `${r.origin}/token`}",service="fake",scope="${r.auth.scope ?? 'repository:corpus/x:pull'}"`,
        })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      return;
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    const digest = m?.[3] ?? '';
    if (m?.[2] === 'manifests' && manifests.has(digest)) {
      const bytes = manifests.get(digest) ?? new Uint8Array();
      res
        .writeHead(200, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
          'content-length': bytes.byteLength,
        })
        .end(bytes);
      return;
    }
    if (m?.[2] === 'blobs' && blobs.has(digest)) {
      if (r.redirectBlobsTo !== undefined) {
        res.writeHead(307, { location: `${r.redirectBlobsTo}/store/${digest}` }).end();
        return;
      }
      sendBlob(req, res, blobs.get(digest) ?? new Uint8Array(), r.ranges);
      return;
    }
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
  })) as FakeRegistry;
  Object.assign(reg, {
    blobs,
    manifests,
    auth: { kind: 'none' },
    ranges: true,
    addImage(layers: readonly Layer[]): string {
      const config = new TextEncoder().encode('{"architecture":"arm64","os":"linux"}');
      blobs.set(digestOf(config), config);
      for (const l of layers) blobs.set(digestOf(l.bytes), l.bytes);
      const manifest = new TextEncoder().encode(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: digestOf(config),
            size: config.byteLength,
          },
          layers: layers.map((l) => ({ mediaType: l.mediaType, digest: digestOf(l.bytes), size: l.bytes.byteLength })),
        }),
      );
      const d = digestOf(manifest);
      manifests.set(d, manifest);
      return d;
    },
  });
  return reg;
}

export function sendBlob(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, ranges = true): void {
  const range = typeof req.headers.range === 'string' ? /^bytes=(\d+)-$/.exec(req.headers.range) : null;
  if (range && ranges) {
    const from = Number(range[1]);
    const part = bytes.subarray(from);
    res
      .writeHead(206, {
        'content-length': part.byteLength,
        'content-range': `bytes ${from}-${bytes.byteLength - 1}/${bytes.byteLength}`,
      })
      .end(part);
    return;
  }
  res.writeHead(200, { 'content-length': bytes.byteLength, 'content-type': 'application/octet-stream' }).end(bytes);
}
