/**
 * The matrix as Markdown, CSV (spreadsheet-safe) or JSON. Exports say what the screen says: a cell is
 * yes, no or unknown as platformPresence decides (never "no" for a platform nobody could check), and
 * every export carries when it was made, this machine's platform and the tool's version (ExportStamp).
 */
import { comparePlatformKeys, RECOMMENDED_PLATFORMS } from './platform.js';
import { toJsonRow, type JsonRow } from './jsonRow.js';
import { platformPresence, type PlatformPresence } from './platformPresence.js';
import type { InspectResult, PlatformKey } from './types.js';

/** When, where and by which version an export was made. */
export interface ExportStamp {
  /** ISO 8601, e.g. 2026-12-01T15:30:00.000Z. */
  readonly date: string;
  /** This machine's platform; undefined when unknown. */
  readonly host?: PlatformKey;
  /** Arch Matrix's version (package.json). */
  readonly version: string;
}

const hostText = (stamp: ExportStamp): string => stamp.host ?? 'unknown';

/** "Arch Matrix 0.1.0, 2026-12-01T15:30:00.000Z, this machine: linux/amd64". */
export function stampLine(stamp: ExportStamp): string {
  return `Arch Matrix ${stamp.version}, ${stamp.date}, this machine: ${hostText(stamp)}`;
}

const MARKDOWN_CELL: Readonly<Record<PlatformPresence, string>> = { yes: '✓', no: '✗', unknown: 'unknown' };

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

export function toMarkdown(
  results: readonly InspectResult[],
  columns: readonly PlatformKey[],
  stamp: ExportStamp,
): string {
  const header = ['Extension', 'Verdict', ...columns];
  const lines = [
    `_${markdownCell(stampLine(stamp))}_`,
    '',
    `| ${header.map(markdownCell).join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
  ];
  for (const r of results) {
    const cells = [r.reference, r.verdict, ...columns.map((c) => MARKDOWN_CELL[platformPresence(r, c)])];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 field; a leading = + - @ (or tab/CR) is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Cells yes / no / unknown; the stamp is in three columns of every row (CSV has no place for a note). */
export function toCsv(results: readonly InspectResult[], columns: readonly PlatformKey[], stamp: ExportStamp): string {
  const rows = [
    ['reference', 'verdict', ...columns, 'explanation', 'fix', 'exported_at', 'this_machine', 'archmatrix_version'],
  ];
  for (const r of results) {
    rows.push([
      r.reference,
      r.verdict,
      ...columns.map((c) => platformPresence(r, c)),
      r.explanation,
      r.fix ?? '',
      stamp.date,
      hostText(stamp),
      stamp.version,
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The JSON export: the stamp, then the rows exactly as `archmatrix --json` prints them (src/core/jsonRow.ts). */
export interface JsonExport {
  readonly archmatrixVersion: string;
  readonly exportedAt: string;
  /** This machine's platform, or null when unknown. */
  readonly thisMachine: PlatformKey | null;
  readonly rows: readonly JsonRow[];
}

/**
 * For machines: the stamp and the core's JSON rows (one serializer with `archmatrix --json`, no --require
 * gate). Each row's `platformList` says what a platform missing from `platforms` means: 'complete' (not
 * published), 'local' or 'none' (unknown: nobody could tell, never "no").
 */
export function toJson(results: readonly InspectResult[], stamp: ExportStamp): string {
  const document: JsonExport = {
    archmatrixVersion: stamp.version,
    exportedAt: stamp.date,
    thisMachine: stamp.host ?? null,
    rows: results.map((r) => toJsonRow(r)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
