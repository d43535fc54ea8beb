import { useCallback } from 'react';
import { matrixColumns, toCsv, toJson, toMarkdown } from '../../../../../src/core/index.js';
import type { InspectResult } from '../../../../../src/core/index.js';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import type { MatrixRow } from '../model/rows';

export type ExportFormat = 'markdown' | 'csv' | 'json';
export type ExportAction = 'copy' | 'download';

const FORMATS: Record<ExportFormat, { readonly label: string; readonly file: string; readonly type: string }> = {
  markdown: { label: 'Markdown', file: 'arch-matrix.md', type: 'text/markdown' },
  csv: { label: 'CSV', file: 'arch-matrix.csv', type: 'text/csv' },
  json: { label: 'JSON', file: 'arch-matrix.json', type: 'application/json' },
};

export function exportText(rows: readonly MatrixRow[], format: ExportFormat): string {
  const results = rows.map((row) => row.result).filter((result): result is InspectResult => result !== undefined);
  if (format === 'json') return toJson(results);
  const columns = matrixColumns(results);
  return format === 'markdown' ? toMarkdown(results, columns) : toCsv(results, columns);
}

function download(text: string, format: ExportFormat): void {
  const { file, type } = FORMATS[format];
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export the rows shown (with a result) as Markdown (for an issue or a README), CSV or JSON. */
export function useExport(rows: readonly MatrixRow[]): (format: ExportFormat, action: ExportAction) => Promise<void> {
  const { toast } = useNotifier();
  return useCallback(
    async (format: ExportFormat, action: ExportAction) => {
      const text = exportText(rows, format);
      const { label } = FORMATS[format];
      try {
        if (action === 'copy') {
          await navigator.clipboard.writeText(text);
          toast('success', `Matrix copied as ${label}.`);
        } else {
          download(text, format);
          toast('success', `Matrix saved as ${FORMATS[format].file}.`);
        }
      } catch {
        toast('error', action === 'copy' ? `Could not copy to the clipboard; use Download ${label} instead.` : `Could not save ${FORMATS[format].file}.`);
      }
    },
    [rows, toast],
  );
}
