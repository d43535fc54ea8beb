/**
 * Host binaries per OS × path × variant, judged: one host binary in one variant (judgeHostBinary, over
 * the rules in hostBinaryRules.ts) and the walk over every variant that feeds it (judgeHostBinaries).
 *
 * Only Windows in linux/arm64 is a warning (Docker's extension docs ship Windows binaries only for amd64):
 * a wrong-cpu or missing cell in any other variant, linux/arm/v7 included, counts. Inside a listed
 * directory, files that are executables (by format or an x bit) are judged; other files and links inside
 * are skipped.
 */
import type { PlatformKey } from '../types.js';
import { identifyExecutable } from './executable.js';
import { OS_FORMATS } from './hostBinaryText.js';
import { itemsOf, type Item } from './hostBinaryItems.js';
import { judgeCell, runsWanted, type HostBinaryCell } from './hostBinaryRules.js';
import type { ExtensionMetadata, HostBinaryFinding, HostOs, VariantFiles } from './types.js';
import { counterpartKey, normalisedVariant, variantCpu } from './variantCpu.js';

export { MAX_DIRECTORY_ENTRIES } from './hostBinaryItems.js';
export type { HostBinaryCell } from './hostBinaryRules.js';

/**
 * Why a non-ok cell only warns, or undefined when it counts: Windows in linux/arm64 warns, nothing else does
 * (Docker's extension docs ship Windows binaries only for amd64, and Windows on Arm is early access).
 */
function warningOnly(os: HostOs, platform: PlatformKey): string | undefined {
  if (os === 'windows' && platform === 'linux/arm64') {
    return "Docker's page ships Windows binaries only in the amd64 variant and Docker Desktop for Windows on Arm is early access, so this is a warning";
  }
  return undefined;
}

/**
 * One host binary (or a file in a listed directory) in one variant, judged: its state (ok, wrong-cpu, missing,
 * unreadable), message and fix, and whether it only warns.
 */
export function judgeHostBinary(cell: HostBinaryCell): HostBinaryFinding {
  const judged = judgeCell(cell);
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
