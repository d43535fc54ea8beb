/**
 * The Unix socket file the backend listens on (/run/guest-services/archmatrix.sock in Docker
 * Desktop's VM). A socket left by a backend that died is removed; a live backend's socket, or a
 * path that is not a socket, is never touched. The socket is created with mode 0600 (owner only).
 */
import { chmod, lstat, unlink } from 'node:fs/promises';
import { connect, type Server } from 'node:net';
import { dirname, isAbsolute } from 'node:path';
import { err, ok, type Result } from '../core/result.js';

/** sun_path holds 108 bytes on Linux, with the final NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

export function checkSocketPath(path: string): Result<string, string> {
  if (!isAbsolute(path)) return err(`the socket path "${path.slice(0, 120)}" is not absolute`);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES)
    return err(`the socket path is longer than ${MAX_SOCKET_PATH_BYTES} bytes`);
  return ok(path);
}

/** Does something accept connections on this socket? */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Makes `path` free to listen on, or says why it cannot be. */
export async function prepareSocketFile(path: string): Promise<Result<void, string>> {
  const checked = checkSocketPath(path);
  if (!checked.ok) return err(checked.error);
  try {
    const dir = await lstat(dirname(path));
    if (!dir.isDirectory()) return err(`${dirname(path)} is not a directory`);
  } catch {
    return err(`the folder ${dirname(path)} does not exist (Docker Desktop mounts /run/guest-services)`);
  }
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return ok(undefined);
  }
  if (!stats.isSocket()) return err(`${path} exists and is not a socket: not removing it`);
  if (await answers(path)) return err(`another backend already answers on ${path}`);
  await unlink(path);
  return ok(undefined);
}

/** Owner read and write only: whoever may connect to the socket may start deep checks. */
export const SOCKET_MODE = 0o600;

/** Sets the process umask, or says it cannot (a worker thread may not change it). */
function trySetUmask(mask: number): number | undefined {
  try {
    return process.umask(mask);
  } catch {
    return undefined;
  }
}

/**
 * Listens on the socket `path` so that it is never wider than SOCKET_MODE, not even for an instant:
 * Node binds the socket inside listen() itself, so a umask of 0177 around that call creates it 0600
 * (no window in which another user could connect), and a chmod before resolving covers a process whose
 * umask cannot be changed (a worker thread). Docker Desktop's proxy reaches the socket as root inside
 * its VM, where the backend also runs as root (the image sets no USER), so no group access is needed.
 */
export async function listenPrivately(server: Server, path: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const previous = trySetUmask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      if (previous !== undefined) process.umask(previous);
    }
  });
  await chmod(path, SOCKET_MODE);
  const mode = (await lstat(path)).mode & 0o777;
  if (mode !== SOCKET_MODE) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new Error(
      `the socket ${path} has mode ${mode.toString(8)}, not ${SOCKET_MODE.toString(8)}: not serving on it`,
    );
  }
}
