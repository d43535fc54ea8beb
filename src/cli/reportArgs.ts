/**
 * The report options: --format (and --json, its alias for json), --output [FORMAT=]FILE (repeatable) and
 * --fail-on. Pure: text -> typed values or the reasons, each naming the valid values.
 */
import { err, FAIL_ON_VALUES, ok, type FailOn, type Result } from '../core/index.js';

export const REPORT_FORMATS = ['table', 'json', 'markdown', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOutput {
  readonly format: ReportFormat;
  readonly path: string;
}

const isFormat = (text: string): text is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(text);
const isFailOn = (text: string): text is FailOn => (FAIL_ON_VALUES as readonly string[]).includes(text);

/** --format and --json together: one format, or why not. */
export function parseFormat(format: string | undefined, json: boolean): Result<ReportFormat, string> {
  if (format === undefined) return ok(json ? 'json' : 'table');
  if (!isFormat(format))
    return err(`--format: ${JSON.stringify(format)} is not a format; valid: ${REPORT_FORMATS.join(', ')}`);
  if (json && format !== 'json') return err(`--json means --format json; it contradicts --format ${format}`);
  return ok(format);
}

/**
 * Each --output: `FILE` writes the --format report there; `FORMAT=FILE` (FORMAT one of the formats) writes
 * that format there, so that one run can leave, say, SARIF, JSON and markdown files. Any other lowercase
 * word before "=" is refused as an unknown format (write ./word=name for such a file).
 */
export function parseOutputs(values: readonly string[], format: ReportFormat): Result<ReportOutput[], string[]> {
  const outputs: ReportOutput[] = [];
  const problems: string[] = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    const prefix = eq > 0 ? value.slice(0, eq) : '';
    // A word before "=" names a format; a file whose name looks so is written as ./NAME.
    if (/^[a-z]+$/.test(prefix) && !isFormat(prefix)) {
      problems.push(`--output: ${JSON.stringify(prefix)} is not a format; valid: ${REPORT_FORMATS.join(', ')}`);
      continue;
    }
    const output = isFormat(prefix) ? { format: prefix, path: value.slice(eq + 1) } : { format, path: value };
    if (output.path.trim() === '') problems.push(`--output ${JSON.stringify(value)}: no file name`);
    else if (outputs.some((o) => o.path === output.path))
      problems.push(`--output: ${JSON.stringify(output.path)} is given twice`);
    else outputs.push(output);
  }
  return problems.length > 0 ? err(problems) : ok(outputs);
}

export function parseFailOn(text: string): Result<FailOn, string> {
  return isFailOn(text)
    ? ok(text)
    : err(`--fail-on: ${JSON.stringify(text)} is not a threshold; valid: ${FAIL_ON_VALUES.join(', ')}`);
}
