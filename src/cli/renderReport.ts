/** The report in one of the --format formats. Pure. */
import type { Report } from '../core/index.js';
import type { ReportFormat } from './reportArgs.js';
import { renderAnnotations } from './renderAnnotations.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderSarif } from './renderSarif.js';
import { renderTable, type TableOptions } from './renderTable.js';
import { renderValidationJson, validationLines } from './renderValidation.js';
import { PLATFORM_SOURCE_WORDS, reportMachine, type InspectResult } from '../core/index.js';

export interface RenderInput {
  readonly report: Report;
  /** The table's rows in the tab's order (the other formats keep the input order). */
  readonly tableRows: readonly InspectResult[];
  readonly table: Omit<TableOptions, 'required' | 'host' | 'hostOs'>;
  /** --validate was asked: JSON rows gain `validation`. */
  readonly validate: boolean;
}

export function renderReport(format: ReportFormat, input: RenderInput): string {
  const { report } = input;
  switch (format) {
    case 'table': {
      const table = renderTable(input.tableRows, {
        ...input.table,
        required: report.required,
        host: report.host,
        hostOs: report.hostOs,
      });
      const extra = validationLines(report, input.table.paint);
      // The usual source goes unsaid; a fallback is said under the table.
      if (report.platformSource !== 'buildx')
        extra.push(`Platforms read with ${PLATFORM_SOURCE_WORDS[report.platformSource]}.`);
      return extra.length === 0 ? table : `${table}${extra.join('\n')}\n`;
    }
    case 'json':
      return input.validate
        ? renderValidationJson(report)
        : renderJson(
            report.images.map((i) => i.result),
            report.required,
            reportMachine(report),
          );
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report);
    case 'github':
      return renderAnnotations(report);
  }
}
