/**
 * A hostile registry of the project's own, on 127.0.0.1 only: enough of the registry API (GET /v2/,
 * manifests by tag or digest with a correct Docker-Content-Digest, blobs, HEAD) to serve the crafted
 * images of hostileImages.ts to the built CLI (through buildx) and backend. Blobs are served as their
 * crafted answer says: bytes (maybe not those their digest names), an endless stream (with backpressure,
 * until the client goes), or a redirect. Beside it, a loopback "internal service" on another port logs
 * every request it gets: a redirect there must never be followed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  buildHostileImages,
  HOSTILE_TAG,
  type BlobServe,
  type HostileImage,
  type HostileName,
  type RegistryContent,
} from './hostileImages.js';

export interface HostileRegistry {
  /** 127.0.0.1:<port> */
  readonly host: string;
  readonly images: readonly HostileImage[];
  /** host/hostile/<name>:1.0.0 */
  reference(name: HostileName): string;
  image(name: HostileName): HostileImage;
  /** Every request the registry got ("GET /v2/..."). */
  readonly requests: string[];
  /** Every request the internal service on another loopback port got: must stay empty. */
  readonly internalRequests: string[];
  readonly internalOrigin: string;
  close(): Promise<void>;
}

/** What the internal service answers (an engine API's container list): must never reach a result. */
export const INTERNAL_SECRET = 'internal-secret-container-4242';

interface Listening {
  readonly server: Server;
  readonly origin: string;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const notFound = (res: ServerResponse, code: string): void => {
  res
    .writeHead(404, { 'content-type': 'application/json' })
    .end(JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace('_', ' ') }] }));
};

/** Writes `start`, then `chunk` for as long as the client reads, waiting whenever its buffer is full. */
function serveEndless(res: ServerResponse, start: Uint8Array, chunk: Uint8Array): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  let open = true;
  res.on('close', () => (open = false));
  const pump = (): void => {
    while (open && res.write(chunk));
    if (open) res.once('drain', pump);
  };
  if (res.write(start)) pump();
  else res.once('drain', pump);
}

function serveBlob(req: IncomingMessage, res: ServerResponse, blob: BlobServe): void {
  if (blob.kind === 'redirect') {
    res.writeHead(307, { location: blob.location, 'content-length': 0 }).end();
    return;
  }
  if (blob.kind === 'endless') {
    if (req.method === 'HEAD') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end();
    else serveEndless(res, blob.start, blob.chunk);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': blob.bytes.byteLength });
  res.end(req.method === 'HEAD' ? undefined : blob.bytes);
}

function handle(content: RegistryContent, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = new URL(req.url ?? '/', 'http://registry').pathname;
  if (path === '/v2/' || path === '/v2') {
    res.writeHead(200, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0' });
    res.end(method === 'HEAD' ? undefined : '{}');
    return;
  }
  const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
  if (match === null) return notFound(res, 'NAME_UNKNOWN');
  const [, repository = '', kind, ref = ''] = match;
  if (kind === 'blobs') {
    const blob = content.blobs.get(`${repository}@${ref}`);
    return blob === undefined ? notFound(res, 'BLOB_UNKNOWN') : serveBlob(req, res, blob);
  }
  const digest = ref.startsWith('sha256:') ? ref : content.tags.get(`${repository}:${ref}`);
  const manifest = digest === undefined ? undefined : content.manifests.get(digest);
  if (digest === undefined || manifest === undefined) return notFound(res, 'MANIFEST_UNKNOWN');
  res.writeHead(200, {
    'content-type': manifest.mediaType,
    'content-length': manifest.bytes.byteLength,
    'docker-content-digest': digest,
    'docker-distribution-api-version': 'registry/2.0',
  });
  res.end(method === 'HEAD' ? undefined : manifest.bytes);
}

export async function startHostileRegistry(): Promise<HostileRegistry> {
  const internalRequests: string[] = [];
  const internal = await listen((req, res) => {
    internalRequests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ Id: INTERNAL_SECRET }]));
  });
  const content: RegistryContent = { manifests: new Map(), tags: new Map(), blobs: new Map() };
  const images = buildHostileImages(content, { internalOrigin: internal.origin });
  const requests: string[] = [];
  const registry = await listen((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    handle(content, req, res);
  });
  const host = registry.origin.replace('http://', '');
  const image = (name: HostileName): HostileImage => {
    const found = images.find((i) => i.name === name);
    if (found === undefined) throw new Error(`no hostile image ${name}`);
    return found;
  };
  return {
    host,
    images,
    image,
    reference: (name) => `${host}/${image(name).repository}:${HOSTILE_TAG}`,
    requests,
    internalRequests,
    internalOrigin: internal.origin,
    close: async () => {
      await Promise.all([registry.close(), internal.close()]);
    },
  };
}
