/**
 * The table for people: one row per image with the answer for this machine first (works here, won't install,
 * broken here, unknown), its verdict and a column per recommended (and required) platform, then the explanation
 * and fix of every image that needs attention, then a one-line summary. Pure.
 */
import type {
  HostOs,
  InspectResult,
  Platform,
  PlatformKey,
  PlatformPresence,
  RequirementStatus,
  ThisMachine,
} from '../core/index.js';
import { deepLines, hasDeepDetails } from './renderDeep.js';
import {
  ANSWER_SEVERITY,
  ANSWER_WORDS,
  RECOMMENDED_PLATFORMS,
  answerForThisMachine,
  checkRequirement,
  reportMachine,
  comparePlatformKeys,
  platformPresence,
  summarise,
  verdictLabel,
  verdictSeverity,
} from '../core/index.js';
import type { Paint, Tone } from './text.js';
import { alignRows, printable } from './text.js';

export interface TableOptions {
  readonly required: readonly PlatformKey[];
  readonly host?: Platform;
  /** The OS the CLI runs on (a CI job: the runner's): whose host binaries the THIS MACHINE column judges. */
  readonly hostOs?: HostOs;
  readonly paint: Paint;
  /** --verbose: the registry's (or docker's) own words under a failed image; otherwise only the human line. */
  readonly verbose?: boolean;
}

/** Under a failed image without --verbose: the human line above is all it shows, docker's own words are a flag away. */
export const VERBOSE_HINT = "(--verbose shows docker's own message)";

/** Raw lines shown under --verbose, at most. */
export const MAX_RAW_LINES = 20;

function rawLines(message: string, paint: Paint): string[] {
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  const shown = lines.slice(0, MAX_RAW_LINES).map((line) => `    ${paint('dim', printable(line))}`);
  if (lines.length > MAX_RAW_LINES)
    shown.push(`    ${paint('dim', `… ${lines.length - MAX_RAW_LINES} more lines (--json has the whole text)`)}`);
  return shown.length === 0 ? [] : [`  ${paint('dim', 'docker said:')}`, ...shown];
}

/** The platform columns: linux/amd64, linux/arm64, then any required platform, in display order. */
export function tableColumns(required: readonly PlatformKey[]): PlatformKey[] {
  const keys = new Set<PlatformKey>([...RECOMMENDED_PLATFORMS, ...required]);
  return [...keys].sort(comparePlatformKeys);
}

type Mark = 'yes' | 'no' | '?';

const MARK: Record<PlatformPresence, Mark> = { yes: 'yes', no: 'no', unknown: '?' };

export function platformMark(result: Pick<InspectResult, 'verdict' | 'platforms'>, key: PlatformKey): Mark {
  return MARK[platformPresence(result, key)];
}

const MARK_TONE: Record<Mark, Tone> = { yes: 'ok', no: 'error', '?': 'dim' };

function matrix(
  results: readonly InspectResult[],
  columns: readonly PlatformKey[],
  machine: ThisMachine,
  paint: Paint,
): string[] {
  const header = ['IMAGE', 'THIS MACHINE', 'VERDICT', ...columns, 'OTHER PLATFORMS'];
  const rows: string[][] = [header];
  const tones: (Tone | undefined)[][] = [header.map(() => undefined)];
  for (const r of results) {
    const marks = columns.map((key) => platformMark(r, key));
    const others = r.platforms.filter((key) => !columns.includes(key)).join(' ');
    const { answer } = answerForThisMachine(r, machine);
    rows.push([printable(r.reference), ANSWER_WORDS[answer].short, verdictLabel(r.verdict), ...marks, others]);
    tones.push([
      undefined,
      ANSWER_SEVERITY[answer],
      verdictSeverity(r.verdict),
      ...marks.map((m) => MARK_TONE[m]),
      undefined,
    ]);
  }
  return alignRows(rows, paint, tones);
}

function details(
  results: readonly InspectResult[],
  required: readonly PlatformKey[],
  paint: Paint,
  verbose: boolean,
): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const requirement = required.length > 0 ? checkRequirement(r, required) : undefined;
    const failsRequirement = requirement !== undefined && requirement.status !== 'met';
    if (r.verdict === 'ready' && !failsRequirement && !hasDeepDetails(r)) continue;
    lines.push('', `${printable(r.reference)}: ${paint(verdictSeverity(r.verdict), verdictLabel(r.verdict))}`);
    lines.push(`  ${printable(r.explanation)}`);
    if (verbose && r.failure !== undefined) lines.push(...rawLines(r.failure.message, paint));
    lines.push(...deepLines(r, paint));
    if (r.fix !== undefined) lines.push(`  fix: ${printable(r.fix)}`);
    if (
      !verbose &&
      r.failure !== undefined &&
      r.failure.message.trim() !== '' &&
      r.fix?.includes('--verbose') !== true
    ) {
      lines.push(`  ${paint('dim', VERBOSE_HINT)}`);
    }
    if (requirement !== undefined && failsRequirement) {
      const why = REQUIREMENT_WHY[requirement.status](requirement.missing);
      lines.push(`  ${paint('error', `requirement failed: ${why}`)}`);
    }
  }
  return lines;
}

const REQUIREMENT_WHY: Readonly<Record<RequirementStatus, (missing: readonly PlatformKey[]) => string>> = {
  met: () => 'met',
  'missing-platforms': (missing) => `lacks ${missing.join(', ')}`,
  'not-published': () => 'not in any registry',
  'not-inspected': () => 'could not be inspected',
  'deep-finding': (missing) =>
    `the deep check found a host binary or backend problem${missing.length > 0 ? `; also lacks ${missing.join(', ')}` : ''}`,
  'deep-not-checked': () => 'the deep check could not check inside every variant',
};

function requirementLine(results: readonly InspectResult[], required: readonly PlatformKey[], paint: Paint): string[] {
  if (required.length === 0) return [];
  const failing = results.filter((r) => checkRequirement(r, required).status !== 'met').length;
  const text = `--require ${required.join(',')}: ${results.length - failing} of ${results.length} image${results.length === 1 ? '' : 's'} meet it`;
  return [paint(failing === 0 ? 'ok' : 'error', text)];
}

export function renderTable(results: readonly InspectResult[], options: TableOptions): string {
  if (results.length === 0) {
    return 'No extension images in the local store (images with the label com.docker.desktop.extension.api.version).\n';
  }
  const columns = tableColumns(options.required);
  const machine = reportMachine(options);
  const lines = [
    ...matrix(results, columns, machine, options.paint),
    ...details(results, options.required, options.paint, options.verbose === true),
    '',
    printable(summarise(results, options.host)),
    ...requirementLine(results, options.required, options.paint),
  ];
  return `${lines.join('\n')}\n`;
}
