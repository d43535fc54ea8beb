import { matrixColumns, platformKey, toCsv, toJson, toMarkdown } from '@core/index.js';
import type { ExportStamp, InspectResult, Platform } from '@core/index.js';
import { version } from '../../../../../package.json';
import type { MatrixRow } from '../../../shared/matrixRow';

/** Arch Matrix's version, from package.json at build time. */
export const APP_VERSION: string = version;

/** The stamp every export carries: when, this machine's platform, and this version. */
export function exportStamp(now: Date, host: Platform | undefined): ExportStamp {
  return { date: now.toISOString(), host: host === undefined ? undefined : platformKey(host), version: APP_VERSION };
}

export type ExportFormat = 'markdown' | 'csv' | 'json';
export type ExportAction = 'copy' | 'download';

/** A file to offer: its menu label, file name and MIME type. */
export type ExportFile = Readonly<Record<'label' | 'name' | 'type', string>>;

export const EXPORT_FILES: Readonly<Record<ExportFormat, ExportFile>> = {
  markdown: { label: 'Markdown', name: 'arch-matrix.md', type: 'text/markdown' },
  csv: { label: 'CSV', name: 'arch-matrix.csv', type: 'text/csv' },
  json: { label: 'JSON', name: 'arch-matrix.json', type: 'application/json' },
};

/** Whether any row shown has a result to export. */
export function hasExportable(rows: readonly MatrixRow[]): boolean {
  return rows.some((row) => row.result !== undefined);
}

/** The rows that have a result, as Markdown (for an issue or a README), CSV or JSON, with the stamp. */
export function exportText(rows: readonly MatrixRow[], format: ExportFormat, stamp: ExportStamp): string {
  const results = rows.map((row) => row.result).filter((result): result is InspectResult => result !== undefined);
  if (format === 'json') return toJson(results, stamp);
  const columns = matrixColumns(results);
  return format === 'markdown' ? toMarkdown(results, columns, stamp) : toCsv(results, columns, stamp);
}

export interface ExportMessages {
  readonly done: string;
  readonly failed: string;
}

/** What the user is told after an export, by format and action. */
export function exportMessages(format: ExportFormat, action: ExportAction): ExportMessages {
  const { label, name } = EXPORT_FILES[format];
  return action === 'copy'
    ? { done: `Matrix copied as ${label}.`, failed: `Could not copy to the clipboard; use Download ${label} instead.` }
    : { done: `Matrix saved as ${name}.`, failed: `Could not save ${name}.` };
}
