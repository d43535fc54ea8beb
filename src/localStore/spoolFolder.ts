/**
 * Per-check temporary folders for spooled exports, under one root (mode 0700). A folder is named
 * after the process that made it (<pid>-<random>), so folders left by a run that crashed or was killed
 * are found and removed at start; the folders still open when the process exits are removed then too.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SPOOL_FOLDER_NAME = 'archmatrix-local-store';
const OWN = /^(\d{1,10})-[A-Za-z0-9]{6}$/;
/** A folder older than this is a leftover even when its PID was reused by another process. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** The root of the spool folders: <base>/archmatrix-local-store-<uid> (base: the system's temp folder). */
export function spoolRoot(base: string = tmpdir()): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return join(base, `${SPOOL_FOLDER_NAME}-${uid}`);
}

const open = new Set<string>();
let exitHook = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes the folders of processes that no longer run (or older than a day); never anything else. */
export async function cleanLeftovers(root: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = OWN.exec(name);
    if (!match) continue;
    const folder = join(root, name);
    if (open.has(folder)) continue;
    const pid = Number(match[1]);
    const age = await stat(folder).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (pid !== process.pid && alive(pid) && age < STALE_MS) continue;
    if (pid === process.pid && age < STALE_MS) continue;
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}

/** A new, empty folder for one check; remove it with removeSpoolFolder. */
export async function makeSpoolFolder(root: string): Promise<string> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const folder = await mkdtemp(join(root, `${process.pid}-`));
  open.add(folder);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const f of open) rmSync(f, { recursive: true, force: true });
    });
  }
  return folder;
}

export async function removeSpoolFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  if (!existsSync(folder)) open.delete(folder);
}
