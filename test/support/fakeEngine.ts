/**
 * A stand-in Docker engine for unit tests: a real HTTP server on a Unix socket in a temporary folder,
 * answering with recorded engine outputs (test/data/engine) or whatever a test hands it, and recording
 * every request it sees (method and path as received).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../env/extensionImage.js';

export type EngineHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FakeEngine {
  readonly socketPath: string;
  /** Every request received, in order. */
  readonly requests: { method: string; path: string }[];
  /** The handler; replace it to change what the engine answers. */
  handler: EngineHandler;
  close(): Promise<void>;
}

/** A recorded engine output under test/data/engine. */
export async function engineData(name: string): Promise<Buffer> {
  return readFile(join(REPO_ROOT, 'test', 'data', 'engine', name));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Answers `GET [/v1.NN]/version` with a recorded version and hands everything else to `rest`. */
export function withVersion(version: Buffer, rest: EngineHandler): EngineHandler {
  return (req, res) => {
    if (/^(?:\/v1\.\d+)?\/version$/.test(req.url ?? '')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(version);
      return;
    }
    return rest(req, res);
  };
}

export async function startFakeEngine(
  handler: EngineHandler = (_req, res) => sendJson(res, 404, {}),
): Promise<FakeEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'archmatrix-fake-engine-'));
  const socketPath = join(dir, 'docker.sock');
  const requests: { method: string; path: string }[] = [];
  const engine: FakeEngine = {
    socketPath,
    requests,
    handler,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    void Promise.resolve(engine.handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return engine;
}

/** An image as GET /images/json lists it (the fields the local source reads). */
export interface StoredImage {
  readonly Id: string;
  readonly RepoTags?: readonly string[];
  readonly RepoDigests?: readonly string[];
  readonly Manifests?: readonly unknown[];
}

/**
 * An engine holding `images` and exporting `exports` (by image ID) as recorded or built: GET /version
 * answers `version`, /images/json the list, /images/{id}/get the tar (or 404). `exportHandler` replaces
 * the export answer, e.g. to stall or cut it short.
 */
export function storeHandler(store: {
  readonly version: Buffer;
  readonly images: readonly StoredImage[] | Buffer;
  readonly exports: ReadonlyMap<string, Uint8Array>;
  readonly exportHandler?: (tar: Uint8Array, req: IncomingMessage, res: ServerResponse) => void;
}): EngineHandler {
  return withVersion(store.version, (req, res) => {
    const url = req.url ?? '';
    if (/^\/v1\.\d+\/images\/json(\?manifests=1)?$/.test(url))
      return sendJson(res, 200, Buffer.isBuffer(store.images) ? store.images.toString() : store.images);
    const get = /^\/v1\.\d+\/images\/([^/]+)\/get(\?.*)?$/.exec(url);
    const tar = get ? store.exports.get(decodeURIComponent(get[1] ?? '')) : undefined;
    if (tar === undefined) return sendJson(res, 404, { message: `No such image: ${url}` });
    if (store.exportHandler) return store.exportHandler(tar, req, res);
    res.writeHead(200, { 'Content-Type': 'application/x-tar' });
    res.end(tar);
  });
}
