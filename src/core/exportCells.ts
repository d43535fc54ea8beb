/**
 * What an export says in each row, as the screen says it: the answer for this machine, and per platform
 * ✓ (published), ✗ (not published, and needed: linux/amd64, linux/arm64 or this machine's), — (not published,
 * not needed) or ? (nobody could tell), with the variant a wrong host binary is in named in its cell. Pure.
 */
import { isFailingHostBinary } from './inside/deepOutcome.js';
import { hasDeepParts } from './inside/deepResult.js';
import { OS_NAMES } from './inside/hostBinaryText.js';
import { normalisedVariant } from './inside/variantCpu.js';
import { RECOMMENDED_PLATFORMS } from './platform.js';
import { platformPresence } from './platformPresence.js';
import { answerForThisMachine } from './thisMachine.js';
import { answerLabel, type MachineAnswer, type ThisMachine } from './thisMachineWords.js';
import type { InspectResult, PlatformKey } from './types.js';

/** One row of an export: the result, the extension's name, and its answer for this machine as the screen shows it. */
export interface ExportRow {
  readonly result: InspectResult;
  /** The extension's title label, else its reference. */
  readonly name: string;
  /** The answer and its words on screen ("Works here", ..., or "Checking…" while a check runs). */
  readonly thisMachine: MachineAnswer & { readonly label: string };
}

/** An export row for a result, its answer judged for `machine` (no check running). */
export function exportRow(result: InspectResult, name: string, machine: ThisMachine): ExportRow {
  const answer = answerForThisMachine(result, machine);
  return { result, name, thisMachine: { ...answer, label: answerLabel(answer.answer) } };
}

/** The cell's symbol: what the screen's platform cell shows. */
export type CellMark = '✓' | '✗' | '—' | '?';

export const CELL_LEGEND = '✓ published · ✗ not published, needed · — not published, not needed · ? unknown';

/** The platforms whose absence is a problem: the recommended pair and this machine's. */
const needed = (key: PlatformKey, host: PlatformKey | undefined): boolean =>
  RECOMMENDED_PLATFORMS.includes(key) || key === host;

export function cellMark(result: InspectResult, key: PlatformKey, host: PlatformKey | undefined): CellMark {
  const presence = platformPresence(result, key);
  if (presence === 'yes') return '✓';
  if (presence === 'unknown') return '?';
  return needed(key, host) ? '✗' : '—';
}

/** The OSes whose host binaries are wrong (wrong-cpu or missing, not only a warning) in this variant. */
export function wrongHostBinaries(result: InspectResult, key: PlatformKey): string[] {
  if (!hasDeepParts(result)) return [];
  const oses = result.deep.hostBinaries
    .filter((f) => normalisedVariant(f.platform) === key && isFailingHostBinary(f))
    .map((f) => OS_NAMES[f.os]);
  return [...new Set(oses)];
}

/** "✓", or "✓ wrong host binary (macOS)" for a variant holding one. */
export function cellText(result: InspectResult, key: PlatformKey, host: PlatformKey | undefined): string {
  const mark = cellMark(result, key, host);
  const wrong = wrongHostBinaries(result, key);
  return wrong.length === 0 ? mark : `${mark} wrong host binary (${wrong.join(', ')})`;
}
