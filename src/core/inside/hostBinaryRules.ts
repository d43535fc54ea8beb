/**
 * The rules for one cell of the host binary table: what the file found at a listed path in one variant
 * means for the hosts of that OS on that variant's CPU.
 *
 * Cases the four states (ok, wrong-cpu, missing, unreadable) do not settle by themselves, decided here:
 * - A symbolic link at a listed path is `unreadable` (never changes the verdict): the check does not
 *   follow links, and Docker Desktop's copy to the host may carry the link rather than the file.
 *   A device, FIFO or other non-file is `unreadable` too, with its type.
 * - A 32-bit x86 Windows binary in linux/amd64 is `ok`: 64-bit Windows runs it through WOW64.
 * - An executable of another OS under an OS key (a .exe listed under "linux") is `wrong-cpu` (there is
 *   no fifth state): no CPU of that OS runs it. Its `found` names format, CPU and OS
 *   ("PE x86_64 (Windows)") and its message says it is another OS's binary.
 */
import type { PlatformKey } from '../types.js';
import { cpuNames, describeExecutable, identifyExecutable } from './executable.js';
import {
  OS_FORMATS,
  OS_NAMES,
  formatName,
  shortFormatName,
  hostsOf,
  missingFix,
  osOfFormat,
  wrongCpuFix,
  wrongCpuMeaning,
  wrongOsFix,
} from './hostBinaryText.js';
import type { ExecutableInfo, FoundFile, HostBinaryFinding, HostOs } from './types.js';
import { variantCpu } from './variantCpu.js';

/** One cell of the table: a host binary (or a file in a listed directory) in one variant. */
export interface HostBinaryCell {
  readonly os: HostOs;
  /** The variant, normalised ("linux/arm64"). */
  readonly platform: PlatformKey;
  readonly path: string;
  readonly found: FoundFile;
  /** What the file's first bytes say; only for `found.kind === 'file'`. */
  readonly info?: ExecutableInfo;
  /** Another path in the same OS list of this variant, for the variant's CPU (the counterpart rule). */
  readonly counterpart?: string;
  /** The listed directory this file was found in. */
  readonly listedAs?: string;
}

/** A cell's state, message, and what was found and how to fix it where that applies. */
export type Judged = Pick<HostBinaryFinding, 'state' | 'message'> & Partial<Pick<HostBinaryFinding, 'found' | 'fix'>>;

/** True when the executable runs on the variant's CPU. */
export const runsWanted = (info: ExecutableInfo, wanted: string): boolean => info.cpus.some((c) => c === wanted);

/** "x86_64 Mach-O", "universal Mach-O (x86_64, arm64)", "ELF other(0x16)". */
function described(info: ExecutableInfo): string {
  if (info.format === 'macho-universal') return `${formatName(info.format)} (${cpuNames(info).join(', ')})`;
  return `${describeExecutable(info)} ${formatName(info.format)}`;
}

/** The rules for a regular file that was read. */
function judgeFile(cell: HostBinaryCell, file: Extract<FoundFile, { kind: 'file' }>, info: ExecutableInfo): Judged {
  const { os, platform, path } = cell;
  const found = describeExecutable(info);
  const fmt = formatName(info.format);
  if (file.size === 0) {
    return {
      state: 'unreadable',
      found: 'empty',
      message: `${path} in ${platform} is an empty file`,
      fix: `Put the real ${OS_NAMES[os]} binary at ${path}: the file is empty.`,
    };
  }
  if (info.problem !== undefined) {
    return {
      state: 'unreadable',
      message: `${path} in ${platform}: ${info.problem}`,
      fix: `Check that ${path} is a complete ${fmt} executable (rebuild or download it again).`,
    };
  }
  if (info.cpus.length === 0) {
    return { state: 'ok', found, message: `${path} in ${platform}: ${fmt}, CPU-neutral` };
  }
  if (!OS_FORMATS[os].includes(info.format)) {
    const actual = osOfFormat(info.format);
    const osName = actual !== undefined ? OS_NAMES[actual] : 'another OS';
    return {
      state: 'wrong-cpu',
      found: `${shortFormatName(info.format)} ${found} (${osName})`,
      message: `${path} is listed under ${os} but the ${platform} variant holds a ${described(info)} executable there, a binary for ${osName}: ${OS_NAMES[os]} cannot run it on any CPU`,
      fix: wrongOsFix(os, path, actual),
    };
  }
  const wanted = variantCpu(platform);
  if (wanted === undefined) {
    return {
      state: 'ok',
      found,
      message: `${path} in ${platform}: ${described(info)}; no Docker Desktop host is ${platform}, so only its format is checked`,
    };
  }
  if (runsWanted(info, wanted)) {
    const how = info.format === 'macho-universal' ? `holds ${wanted}` : 'right';
    return {
      state: 'ok',
      found,
      message: `${path} in ${platform}: ${described(info)}, ${how} for ${hostsOf(os, wanted)}`,
    };
  }
  if (os === 'windows' && wanted === 'x86_64' && info.cpus.length === 1 && info.cpus[0] === 'i386') {
    return {
      state: 'ok',
      found,
      message: `${path} in ${platform}: 32-bit x86 ${fmt}; 64-bit Windows runs it through WOW64`,
    };
  }
  if (cell.counterpart !== undefined) {
    return {
      state: 'ok',
      found,
      message: `${path} in ${platform}: ${described(info)}, and the same list holds its ${wanted} counterpart ${cell.counterpart} (picked at run time)`,
    };
  }
  return {
    state: 'wrong-cpu',
    found,
    message: `${described(info)} at ${path} in the ${platform} variant: ${wrongCpuMeaning(os, found, wanted)}`,
    fix: wrongCpuFix(os, path, platform, wanted),
  };
}

/** The rules for one cell, by what was found at its path: a file (judgeFile), or anything else. */
export function judgeCell(cell: HostBinaryCell): Judged {
  const { os, platform, path, found } = cell;
  switch (found.kind) {
    case 'directory':
      return {
        state: 'ok',
        found: 'directory',
        message: `${path} in ${platform} is a directory with ${found.entries.length} entries; the executables in it are judged one by one`,
      };
    case 'missing': {
      const why = found.whitedOut ? ' (deleted by a whiteout in an upper layer)' : '';
      return {
        state: 'missing',
        message: `${path} is listed under ${os} in the ${platform} variant's metadata.json, but that variant has no such file${why}: Docker Desktop has nothing to copy to ${OS_NAMES[os]} hosts`,
        fix: missingFix(os, path, platform, os === 'windows' && platform === 'linux/arm64'),
      };
    }
    case 'symlink':
      return {
        state: 'unreadable',
        found: 'symlink',
        message: `${path} in ${platform} is a symbolic link to ${found.target}; links are not followed (the host copy may get the link, not the file)`,
        fix: `Put the file itself at ${path}, not a symbolic link.`,
      };
    case 'other':
      return {
        state: 'unreadable',
        found: found.type,
        message: `${path} in ${platform} is a ${found.type}, not a regular file`,
        fix: `Put a regular file at ${path}.`,
      };
    case 'unreadable':
      return {
        state: 'unreadable',
        message: `${path} in ${platform} could not be read: ${found.reason}`,
        fix: 'Nothing to change in the image for this yet: run the check again once the image can be read.',
      };
    case 'file':
      return judgeFile(cell, found, cell.info ?? identifyExecutable(found.head, path));
  }
}
