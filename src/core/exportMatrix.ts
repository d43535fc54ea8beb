/** The matrix as Markdown, CSV (spreadsheet-safe) or JSON. */
import { comparePlatformKeys, RECOMMENDED_PLATFORMS } from './platform.js';
import { toJsonText } from './jsonRow.js';
import type { InspectResult, PlatformKey } from './types.js';

/** RECOMMENDED always, plus every other platform some result has, in display order. */
export function matrixColumns(results: readonly InspectResult[]): PlatformKey[] {
  const keys = new Set<PlatformKey>(RECOMMENDED_PLATFORMS);
  for (const r of results) for (const k of r.platforms) keys.add(k);
  return [...keys].sort(comparePlatformKeys);
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

export function toMarkdown(results: readonly InspectResult[], columns: readonly PlatformKey[]): string {
  const header = ['Extension', 'Verdict', ...columns];
  const lines = [`| ${header.map(markdownCell).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const r of results) {
    const cells = [r.reference, r.verdict, ...columns.map((c) => (r.platforms.includes(c) ? '✓' : '—'))];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 field; a leading = + - @ (or tab/CR) is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(results: readonly InspectResult[], columns: readonly PlatformKey[]): string {
  const rows = [['reference', 'verdict', ...columns, 'explanation', 'fix']];
  for (const r of results) {
    rows.push([r.reference, r.verdict, ...columns.map((c) => (r.platforms.includes(c) ? 'yes' : 'no')), r.explanation, r.fix ?? '']);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** For machines: the same JSON rows as `archmatrix --json` (src/core/jsonRow.ts), without a --require gate. */
export function toJson(results: readonly InspectResult[]): string {
  return toJsonText(results);
}
