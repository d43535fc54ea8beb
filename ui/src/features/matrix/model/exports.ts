import { exportFileName, matrixColumns, platformKey, toCsv, toJson, toMarkdown, verdictLabel } from '@core/index.js';
import type { ExportRow, ExportStamp, HostOs, InspectResult, Platform, ThisMachine } from '@core/index.js';
import { version } from '../../../../../package.json';
import { rowKey, type MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowState } from '../../deepCheck/model/deepRow';
import { rowDisplay } from './display';
import { rowAnswer } from './thisMachine';
import type { ViewOptions } from './view';

/** Arch Matrix's version, from package.json at build time. */
export const APP_VERSION: string = version;

/** What the export was made of: the filter in effect and how many rows it showed of all. */
export interface ExportScope {
  readonly view: ViewOptions;
  readonly shown: number;
  readonly total: number;
}

/** The filter in effect, in words ("needs attention; lacks linux/arm64"), or undefined when every row shows. */
export function filterWords(view: ViewOptions): string | undefined {
  const parts: string[] = [];
  if (view.verdict === 'attention') parts.push('needs attention');
  else if (view.verdict !== 'all') parts.push(`verdict ${verdictLabel(view.verdict)}`);
  if (view.platform !== 'any') {
    const [want, ...rest] = view.platform.split(':');
    parts.push(`${want === 'has' ? 'published for' : 'lacks'} ${rest.join(':')}`);
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** The stamp every export carries: when, this machine (platform and OS), the filter and this version. */
export function exportStamp(now: Date, host: Platform | undefined, hostOs?: HostOs, scope?: ExportScope): ExportStamp {
  const filter = scope === undefined ? undefined : filterWords(scope.view);
  return {
    date: now.toISOString(),
    host: host === undefined ? undefined : platformKey(host),
    ...(hostOs !== undefined ? { hostOs } : {}),
    version: APP_VERSION,
    ...(filter !== undefined && scope !== undefined ? { filter, shown: { count: scope.shown, of: scope.total } } : {}),
  };
}

export type ExportFormat = 'markdown' | 'csv' | 'json';
export type ExportAction = 'copy' | 'download';

/** A file to offer: its menu label, file extension and MIME type. */
export type ExportFile = Readonly<Record<'label' | 'extension' | 'type', string>>;

export const EXPORT_FILES: Readonly<Record<ExportFormat, ExportFile>> = {
  markdown: { label: 'Markdown', extension: 'md', type: 'text/markdown' },
  csv: { label: 'CSV', extension: 'csv', type: 'text/csv' },
  json: { label: 'JSON', extension: 'json', type: 'application/json' },
};

/** The file name of an export: the date and the filter in it ("arch-matrix-2026-12-01-needs-attention.md"). */
export const exportName = (format: ExportFormat, stamp: ExportStamp): string =>
  exportFileName(EXPORT_FILES[format].extension, stamp);

/** Whether any row shown has a result to export. */
export function hasExportable(rows: readonly MatrixRow[]): boolean {
  return rows.some((row) => row.result !== undefined);
}

/** This machine, as the stamp says it. */
const stampMachine = (stamp: ExportStamp): ThisMachine => ({
  ...(stamp.host !== undefined ? { platform: stamp.host } : {}),
  ...(stamp.hostOs !== undefined ? { os: stamp.hostOs } : {}),
});

/**
 * The rows that have a result, as Markdown (for an issue or a README), CSV or JSON, with the stamp: each with its
 * name and its answer for this machine as the row shows it (`states`: the rows' deep checks, by row key).
 */
export function exportText(
  rows: readonly MatrixRow[],
  format: ExportFormat,
  stamp: ExportStamp,
  states?: ReadonlyMap<string, DeepRowState>,
): string {
  const machine = stampMachine(stamp);
  const exported: ExportRow[] = rows.flatMap((row) => {
    const result: InspectResult | undefined = row.result;
    if (result === undefined) return [];
    const answer = rowAnswer(row, states?.get(rowKey(row)), machine);
    return [{ result, name: rowDisplay(row).title, thisMachine: answer }];
  });
  if (format === 'json') return toJson(exported, stamp);
  const columns = matrixColumns(exported.map((row) => row.result));
  return format === 'markdown' ? toMarkdown(exported, columns, stamp) : toCsv(exported, columns, stamp);
}

export interface ExportMessages {
  readonly done: string;
  readonly failed: string;
}

/** What the user is told after an export, by format and action (and the file name a download got). */
export function exportMessages(format: ExportFormat, action: ExportAction, name?: string): ExportMessages {
  const { label, extension } = EXPORT_FILES[format];
  const file = name ?? `the ${label} file (.${extension})`;
  return action === 'copy'
    ? { done: `Matrix copied as ${label}.`, failed: `Could not copy to the clipboard; use Download ${label} instead.` }
    : { done: `Matrix saved as ${file}.`, failed: `Could not save ${file}.` };
}
