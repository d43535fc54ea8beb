/** The host binaries a variant lists, as items to judge: each listed path, and the executables inside listed directories (bounded). Pure. */
import { identifyExecutable } from './executable.js';
import { osOfFormat } from './hostBinaryText.js';
import {
  HOST_OSES,
  type ExecutableInfo,
  type ExtensionMetadata,
  type FoundFile,
  type HostOs,
  type VariantFiles,
} from './types.js';

/** Entries looked at inside listed directories, per variant, and how deep. */
export const MAX_DIRECTORY_ENTRIES = 2000;
const MAX_DIRECTORY_DEPTH = 8;

export interface Item {
  readonly os: HostOs;
  readonly path: string;
  readonly found: FoundFile;
  readonly info?: ExecutableInfo;
  readonly listedAs?: string;
}

const notRead = (path: string, reason: string): FoundFile => ({ kind: 'unreadable', path, reason });

function isExecutableFile(found: Extract<FoundFile, { kind: 'file' }>, info: ExecutableInfo): boolean {
  return osOfFormat(info.format) !== undefined || (found.mode & 0o111) !== 0;
}

/** The executables inside a listed directory (recursively, bounded). */
function directoryItems(
  os: HostOs,
  listedAs: string,
  dir: Extract<FoundFile, { kind: 'directory' }>,
  budget: { left: number },
  depth: number,
): Item[] {
  const items: Item[] = [];
  for (const entry of dir.entries) {
    if (budget.left <= 0) break;
    budget.left -= 1;
    if (entry.kind === 'file') {
      const info = identifyExecutable(entry.head, entry.path);
      if (isExecutableFile(entry, info)) items.push({ os, path: entry.path, found: entry, info, listedAs });
    } else if (entry.kind === 'unreadable') {
      items.push({ os, path: entry.path, found: entry, listedAs });
    } else if (entry.kind === 'directory' && depth < MAX_DIRECTORY_DEPTH) {
      items.push(...directoryItems(os, listedAs, entry, budget, depth + 1));
    }
  }
  return items;
}

export function itemsOf(metadata: ExtensionMetadata, files: VariantFiles | undefined): Item[] {
  const items: Item[] = [];
  const budget = { left: MAX_DIRECTORY_ENTRIES };
  for (const os of HOST_OSES) {
    for (const binary of metadata.hostBinaries) {
      if (binary.os !== os) continue;
      const found =
        files === undefined
          ? notRead(binary.path, "this variant's files were not read")
          : (files.files.get(binary.path) ?? notRead(binary.path, 'the reader did not settle this path'));
      const info = found.kind === 'file' ? identifyExecutable(found.head, binary.path) : undefined;
      items.push({ os, path: binary.path, found, info });
      if (found.kind === 'directory') items.push(...directoryItems(os, binary.path, found, budget, 1));
    }
  }
  return items;
}
