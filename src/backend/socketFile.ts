/**
 * The Unix socket file the backend listens on (/run/guest-services/archmatrix.sock in Docker
 * Desktop's VM). A socket left by a backend that died is removed; a live backend's socket, or a
 * path that is not a socket, is never touched.
 */
import { lstat, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
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
