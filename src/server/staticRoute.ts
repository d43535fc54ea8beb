/**
 * GET/HEAD of the built UI (dist/ui) and of the built stand-in (dist/standin). Paths are
 * resolved inside their folder only, and so is the real file behind them (no symlink leads
 * out of the folder); index.html is served with the stand-in injected.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { injectStandin, CONTENT_SECURITY_POLICY } from './indexHtml.js';
import { BASE_HEADERS } from '../http/reply.js';
import { STANDIN_PATH, type StandinConfig } from '../wire/standinProtocol.js';
import { reject, sendRejection } from './rejection.js';

export interface StaticDeps {
  /** The built UI (vite's output). */
  readonly uiDir: string;
  /** The stand-in ddClient built by Vite (dist/standin). */
  readonly standinDir: string;
  readonly config: StandinConfig;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const STANDIN_FILE = /^[A-Za-z0-9_-]+\.js$/;

/** The file a URL path names, or undefined when it leaves its folder or names nothing servable. */
export function resolveStaticPath(
  pathname: string,
  deps: Pick<StaticDeps, 'uiDir' | 'standinDir'>,
): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.startsWith(STANDIN_PATH)) {
    const name = decoded.slice(STANDIN_PATH.length);
    return STANDIN_FILE.test(name) ? resolve(deps.standinDir, name) : undefined;
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const file = resolve(deps.uiDir, `.${decoded}`);
  return file.startsWith(resolve(deps.uiDir) + sep) ? file : undefined;
}

/** The folder a resolved path lies in (the stand-in's or the UI's). */
function folderOf(file: string, deps: Pick<StaticDeps, 'uiDir' | 'standinDir'>): string {
  const standin = resolve(deps.standinDir);
  return file.startsWith(standin + sep) ? standin : resolve(deps.uiDir);
}

/**
 * The file's bytes when it is a regular file whose real path (symlinks resolved) is still inside
 * `folder` (itself resolved), else undefined: a symlink in the served folder cannot expose the disk.
 */
export async function readFileWithin(file: string, folder: string): Promise<Buffer | undefined> {
  try {
    const [real, realFolder] = await Promise.all([realpath(file), realpath(folder)]);
    if (!real.startsWith(realFolder + sep)) return undefined;
    if (!(await stat(real)).isFile()) return undefined;
    return await readFile(real);
  } catch {
    return undefined;
  }
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  deps: StaticDeps,
): Promise<void> {
  const isIndex = pathname === '/' || pathname === '/index.html';
  const file = resolveStaticPath(isIndex ? '/index.html' : pathname, deps);
  const content = file === undefined ? undefined : await readFileWithin(file, folderOf(file, deps));
  if (file === undefined || content === undefined) {
    return sendRejection(res, reject(404, 'not-found', `Nothing at ${pathname}.`));
  }
  let body: Buffer = content;
  const headers: Record<string, string> = { ...BASE_HEADERS, 'cache-control': 'no-cache' };
  if (isIndex) {
    const injected = injectStandin(content.toString('utf8'), deps.config);
    if (!injected.ok) return sendRejection(res, reject(500, 'internal', `Cannot serve the UI: ${injected.error}.`));
    body = Buffer.from(injected.value, 'utf8');
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['cache-control'] = 'no-store';
  }
  headers['content-type'] = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
