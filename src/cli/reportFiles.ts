/**
 * --output files: checked before anything runs (the folder exists and is writable, the path is not a
 * folder), then written whole: to a temporary file in the same folder, renamed over the target, so that
 * a reader never sees half a report and a failed write leaves the old file as it was.
 */
import { constants } from 'node:fs';
import { access, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface ReportFiles {
  /** Why `path` cannot be written, or undefined when it can. */
  check(path: string): Promise<string | undefined>;
  /** Writes `text` to `path` atomically; rejects with an Error whose message says why. */
  write(path: string, text: string): Promise<void>;
}

const reason = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

async function check(path: string): Promise<string | undefined> {
  const full = resolve(path);
  const folder = dirname(full);
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return `the folder ${folder} does not exist`;
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    return `the folder ${folder} is not writable`;
  }
  try {
    const target = await stat(full);
    if (target.isDirectory()) return `${full} is a folder`;
  } catch {
    // not there yet: it will be created
  }
  return undefined;
}

async function write(path: string, text: string): Promise<void> {
  const full = resolve(path);
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, full);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`cannot write ${full}: ${reason(error)}`, { cause: error });
  }
}

export const nodeReportFiles: ReportFiles = { check, write };
