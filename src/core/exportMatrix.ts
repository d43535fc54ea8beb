/**
 * The matrix as Markdown, CSV (spreadsheet-safe) or JSON. Exports say what the screen says: each row has the
 * image, the extension's name, the answer for this machine, the verdict in words and as its code, and per platform
 * what its cell shows (exportCells.ts: never "no" for a platform nobody could check; a variant holding a wrong host
 * binary says so). Every export carries when it was made, this machine, the filter in effect and the tool's version
 * (ExportStamp), and its file name carries the date and the filter.
 */
import { cellText, CELL_LEGEND, type ExportRow } from './exportCells.js';
import { OS_NAMES } from './inside/hostBinaryText.js';
import type { HostOs } from './inside/types.js';
import { comparePlatformKeys, RECOMMENDED_PLATFORMS } from './platform.js';
import { toJsonRow, type JsonRow } from './jsonRow.js';
import { platformPresence } from './platformPresence.js';
import type { MachineAnswer } from './thisMachineWords.js';
import type { InspectResult, PlatformKey } from './types.js';
import { verdictLabel } from './verdictTable.js';

/** When, where, with which filter and by which version an export was made. */
export interface ExportStamp {
  /** ISO 8601, e.g. 2026-12-01T15:30:00.000Z. */
  readonly date: string;
  /** This machine's platform; undefined when unknown. */
  readonly host?: PlatformKey;
  /** This machine's OS; undefined when unknown. */
  readonly hostOs?: HostOs;
  /** Arch Matrix's version (package.json). */
  readonly version: string;
  /** The filter in effect, in words ("needs attention; lacks linux/arm64"); undefined: every row. */
  readonly filter?: string;
  /** With a filter: the rows shown of all. */
  readonly shown?: { readonly count: number; readonly of: number };
}

const hostText = (stamp: ExportStamp): string =>
  stamp.host === undefined
    ? 'unknown'
    : `${stamp.host}${stamp.hostOs === undefined ? '' : ` (${OS_NAMES[stamp.hostOs]})`}`;

const filterText = (stamp: ExportStamp): string =>
  stamp.filter === undefined
    ? 'none'
    : `${stamp.filter}${stamp.shown === undefined ? '' : ` (showing ${stamp.shown.count} of ${stamp.shown.of})`}`;

/** "Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/amd64 (Linux); filter: needs attention (showing 3 of 7)". */
export function stampLine(stamp: ExportStamp): string {
  const filter = stamp.filter === undefined ? '' : `; filter: ${filterText(stamp)}`;
  return `Arch Matrix ${stamp.version}, ${stamp.date}, this machine: ${hostText(stamp)}${filter}`;
}

/** "arch-matrix-2026-12-01.md", "arch-matrix-2026-12-01-needs-attention-lacks-linux-arm64.csv". */
export function exportFileName(extension: string, stamp: ExportStamp): string {
  const day = stamp.date.slice(0, 10);
  const filter = stamp.filter === undefined ? '' : `-${stamp.filter.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return `arch-matrix-${day}${filter}`.replace(/-+$/, '').slice(0, 120) + `.${extension}`;
}

/** RECOMMENDED always, plus every other platform some result has, in display order. */
export function matrixColumns(results: readonly InspectResult[]): PlatformKey[] {
  const keys = new Set<PlatformKey>(RECOMMENDED_PLATFORMS);
  for (const r of results) for (const k of r.platforms) keys.add(k);
  return [...keys].sort(comparePlatformKeys);
}

function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

const verdictText = (result: InspectResult): string => `${verdictLabel(result.verdict)} (${result.verdict})`;

export function toMarkdown(rows: readonly ExportRow[], columns: readonly PlatformKey[], stamp: ExportStamp): string {
  const header = ['Image', 'Extension', 'This machine', 'Verdict', ...columns];
  const lines = [
    `_${markdownCell(stampLine(stamp))}_`,
    '',
    `| ${header.map(markdownCell).join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
  ];
  for (const { result, name, thisMachine } of rows) {
    const cells = [
      result.reference,
      name,
      thisMachine.label,
      verdictText(result),
      ...columns.map((c) => cellText(result, c, stamp.host)),
    ];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  lines.push('', `_${CELL_LEGEND}_`);
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 field; a leading = + - @ (or tab/CR) is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV platform field: yes / no / unknown (for formulas), and the wrong host binary of its variant when there is one. */
function csvCell(result: InspectResult, key: PlatformKey, host: PlatformKey | undefined): string {
  const text = cellText(result, key, host);
  const wrong = text.indexOf(' wrong host binary');
  return `${platformPresence(result, key)}${wrong < 0 ? '' : text.slice(wrong)}`;
}

/**
 * Cells yes / no / unknown right after the reference and the verdict code (fields that never hold a comma), then the
 * verdict's label, the name and the answer; the stamp is in columns of every row (CSV has no place for a note).
 */
export function toCsv(rows: readonly ExportRow[], columns: readonly PlatformKey[], stamp: ExportStamp): string {
  const lines = [
    [
      'reference',
      'verdict',
      ...columns,
      'verdict_label',
      'name',
      'this_machine_answer',
      'this_machine_reason',
      'explanation',
      'fix',
      'exported_at',
      'this_machine',
      'filter',
      'archmatrix_version',
    ],
  ];
  for (const { result, name, thisMachine } of rows) {
    lines.push([
      result.reference,
      result.verdict,
      ...columns.map((c) => csvCell(result, c, stamp.host)),
      verdictLabel(result.verdict),
      name,
      thisMachine.label,
      thisMachine.reason,
      result.explanation,
      result.fix ?? '',
      stamp.date,
      hostText(stamp),
      filterText(stamp),
      stamp.version,
    ]);
  }
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One row of the JSON export: the core's JSON row with the extension's name and the answer as shown. */
export interface JsonExportRow extends JsonRow {
  readonly name: string;
  readonly thisMachine: MachineAnswer;
}

/** The JSON export: the stamp, then the rows as `archmatrix --json` prints them (src/core/jsonRow.ts), named. */
export interface JsonExport {
  readonly archmatrixVersion: string;
  readonly exportedAt: string;
  /** This machine's platform, or null when unknown. */
  readonly thisMachine: PlatformKey | null;
  /** This machine's OS, or null when unknown. */
  readonly thisMachineOs: HostOs | null;
  /** The filter in effect, in words; null: every row. */
  readonly filter: string | null;
  readonly rows: readonly JsonExportRow[];
}

/**
 * For machines: the stamp and the core's JSON rows (one serializer with `archmatrix --json`, no --require
 * gate). Each row's `platformList` says what a platform missing from `platforms` means: 'complete' (not
 * published), 'local' or 'none' (unknown: nobody could tell, never "no"); `thisMachine` is the answer as the
 * screen showed it (unknown while a check still ran).
 */
export function toJson(rows: readonly ExportRow[], stamp: ExportStamp): string {
  const document: JsonExport = {
    archmatrixVersion: stamp.version,
    exportedAt: stamp.date,
    thisMachine: stamp.host ?? null,
    thisMachineOs: stamp.hostOs ?? null,
    filter: stamp.filter === undefined ? null : filterText(stamp),
    rows: rows.map(({ result, name, thisMachine }) => ({
      ...toJsonRow(result),
      name,
      thisMachine: { answer: thisMachine.answer, reason: thisMachine.reason },
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
