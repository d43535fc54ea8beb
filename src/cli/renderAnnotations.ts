/**
 * --format github: one GitHub Actions workflow command per finding (`::error`, `::warning`, `::notice`),
 * so that the run shows them as annotations; a finding that comes from metadata.json names its file and
 * line. Values are escaped as the runner requires (`%`, CR, LF; and `:` `,` in properties), so untrusted
 * text can neither end the command early nor start another. Pure.
 */
import { imageFindings, metadataLine, reportRule, type Report, type ReportFinding } from '../core/index.js';
import { printable } from './text.js';

const COMMAND: Readonly<Record<ReportFinding['level'], string>> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};

/** The escaping of a workflow command's message (actions/toolkit's escapeData). */
export const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** The escaping of a workflow command's property value (actions/toolkit's escapeProperty). */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderAnnotations(report: Report, metadataFile = 'metadata.json'): string {
  const lines: string[] = [];
  for (const image of report.images) {
    for (const f of imageFindings(image, report.host)) {
      const line =
        f.anchor !== undefined && image.metadataText !== undefined
          ? metadataLine(image.metadataText, f.anchor)
          : undefined;
      const title = `Arch Matrix: ${reportRule(f.ruleId)?.rule.title ?? f.ruleId}`;
      const props = [
        ...(line !== undefined ? [`file=${escapeProperty(metadataFile)}`, `line=${line}`] : []),
        `title=${escapeProperty(printable(title))}`,
      ];
      const where = [f.variant, f.os, f.path].filter((part) => part !== undefined).join(' ');
      const text = `${f.reference}${where !== '' ? ` (${where})` : ''}: ${f.message}${f.fix !== undefined ? ` Fix: ${f.fix}` : ''}`;
      lines.push(`::${COMMAND[f.level]} ${props.join(',')}::${escapeData(printable(text))}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
