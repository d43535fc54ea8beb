/**
 * Host binaries per OS × path × variant, judged: the "Rules (contract)" of issue 7 as one
 * function (judgeHostBinary) and the walk that feeds it (judgeHostBinaries).
 *
 * Choices the issue leaves open, decided here:
 * - A symbolic link at a listed path is `unreadable` (never changes the verdict): the check does not
 *   follow links, and Docker Desktop's copy to the host may carry the link rather than the file.
 *   A device, FIFO or other non-file is `unreadable` too, with its type.
 * - A 32-bit x86 Windows binary in linux/amd64 is `ok`: 64-bit Windows runs it through WOW64.
 * - An executable of another OS under an OS key (a .exe listed under "linux") is `wrong-cpu` (the
 *   contract has exactly four states): no CPU of that OS runs it. Its `found` names format, CPU and
 *   OS ("PE x86_64 (Windows)") and its message says it is another OS's binary.
 * - Only Windows in linux/arm64 is a warning (the page's own pattern ships Windows binaries only for
 *   amd64): a wrong-cpu or missing cell in any other variant, linux/arm/v7 included, counts.
 * - Inside a listed directory, files that are executables (by format or an x bit) are judged;
 *   other files and links inside are skipped.
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
import {
  type ExecutableInfo,
  type ExtensionMetadata,
  type FoundFile,
  type HostBinaryFinding,
  type HostOs,
  type VariantFiles,
} from './types.js';
import { counterpartKey, normalisedVariant, variantCpu } from './variantCpu.js';
import { itemsOf, type Item } from './hostBinaryItems.js';

export { MAX_DIRECTORY_ENTRIES } from './hostBinaryItems.js';

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

type Judged = Pick<HostBinaryFinding, 'state' | 'message'> & Partial<Pick<HostBinaryFinding, 'found' | 'fix'>>;

const runsWanted = (info: ExecutableInfo, wanted: string): boolean => info.cpus.some((c) => c === wanted);

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

function judgeNotFile(cell: HostBinaryCell): Judged {
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

/** Whether a non-ok cell only warns: Windows in linux/arm64, and nothing else (issue 7's contract). */
function warningOnly(os: HostOs, platform: PlatformKey): string | undefined {
  if (os === 'windows' && platform === 'linux/arm64') {
    return "Docker's page ships Windows binaries only in the amd64 variant and Docker Desktop for Windows on Arm is early access, so this is a warning";
  }
  return undefined;
}

/** The state table of issue 7: one host binary (or a file in a listed directory) in one variant. */
export function judgeHostBinary(cell: HostBinaryCell): HostBinaryFinding {
  const judged = judgeNotFile(cell);
  const wanted = variantCpu(cell.platform);
  const warning = judged.state === 'ok' ? undefined : warningOnly(cell.os, cell.platform);
  const info = cell.found.kind === 'file' ? (cell.info ?? identifyExecutable(cell.found.head, cell.path)) : undefined;
  return {
    os: cell.os,
    platform: cell.platform,
    path: cell.path,
    state: judged.state,
    found: judged.found,
    wanted: info?.cpus.length === 0 ? undefined : wanted,
    format: info?.format,
    listedAs: cell.listedAs,
    message: warning ? `${judged.message}. ${warning}.` : `${judged.message}.`,
    warningOnly: warning !== undefined,
    fix: judged.fix,
  };
}

/** A path in the same OS list of this variant, other than `item`, built for the variant's CPU. */
function counterpartOf(item: Item, items: readonly Item[], wanted: string | undefined): string | undefined {
  if (wanted === undefined || item.info === undefined) return undefined;
  const key = counterpartKey(item.path);
  const match = items.find(
    (other) =>
      other !== item &&
      other.os === item.os &&
      other.info !== undefined &&
      other.info.problem === undefined &&
      OS_FORMATS[item.os].includes(other.info.format) &&
      runsWanted(other.info, wanted) &&
      counterpartKey(other.path) === key,
  );
  return match?.path;
}

function badPathFindings(metadata: ExtensionMetadata, platform: PlatformKey): HostBinaryFinding[] {
  return metadata.badPaths.map((bad) => {
    const warning = warningOnly(bad.os, platform);
    const message = `metadata.json of ${platform} lists "${bad.path}" under ${bad.os}, which ${bad.reason}: not checked`;
    return {
      os: bad.os,
      platform,
      path: bad.path,
      state: 'unreadable',
      message: warning ? `${message}. ${warning}.` : `${message}.`,
      warningOnly: warning !== undefined,
      fix: `List an absolute path inside the image (e.g. "/${bad.os}/tool") under "${bad.os}" in metadata.json.`,
    };
  });
}

/**
 * Every host binary of every variant, judged: one finding per OS × listed path × variant (in the
 * order of the variants, then darwin, windows, linux, then metadata.json's order), each listed
 * directory followed by one finding per executable inside it, then one per unusable listed path.
 */
export function judgeHostBinaries(
  metadataPerVariant: ReadonlyMap<PlatformKey, ExtensionMetadata>,
  filesPerVariant: ReadonlyMap<PlatformKey, VariantFiles>,
): HostBinaryFinding[] {
  const filesByVariant = new Map<PlatformKey, VariantFiles>();
  for (const [key, files] of filesPerVariant) filesByVariant.set(normalisedVariant(key), files);
  const findings: HostBinaryFinding[] = [];
  for (const [key, metadata] of metadataPerVariant) {
    const platform = normalisedVariant(key);
    const items = itemsOf(metadata, filesByVariant.get(platform));
    const wanted = variantCpu(platform);
    for (const item of items) {
      const counterpart = counterpartOf(item, items, wanted);
      findings.push(judgeHostBinary({ ...item, platform, counterpart }));
    }
    findings.push(...badPathFindings(metadata, platform));
  }
  return findings;
}
