/**
 * What --validate adds to the table and to the JSON rows: per image, each finding of docker extension
 * validate's rules (or that it passes them), with the line of metadata.json where one is known. Pure.
 */
import {
  metadataLine,
  reportRule,
  toJsonRow,
  reportMachine,
  type JsonRow,
  type Report,
  type ReportFinding,
  type ReportImage,
} from '../core/index.js';
import type { Paint } from './text.js';
import { printable } from './text.js';

export interface JsonValidationFinding {
  readonly rule: string;
  readonly level: ReportFinding['level'];
  readonly title: string;
  /** The label, or the metadata.json key (e.g. "host.binaries[0].darwin"), it is about; null for the image as a whole. */
  readonly path: string | null;
  readonly message: string;
  readonly fix: string | null;
  /** The line of the image's metadata.json it comes from; null when not from there or not known. */
  readonly line: number | null;
  /** Where the rule comes from (Docker's documentation, its validator). */
  readonly source: string | null;
}

export interface JsonValidation {
  /** No error-level finding: docker extension validate's rules, as checked here, pass. */
  readonly passed: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly JsonValidationFinding[];
}

/** --json with --validate: the core's row plus `validation` (null for an image not validated). */
export type JsonValidatedRow = JsonRow & { readonly validation: JsonValidation | null };

function lineOf(image: ReportImage, f: ReportFinding): number | undefined {
  return f.anchor !== undefined && image.metadataText !== undefined
    ? metadataLine(image.metadataText, f.anchor)
    : undefined;
}

export function jsonValidation(image: ReportImage): JsonValidation | null {
  if (image.validation === undefined) return null;
  const findings = image.validation.map((f) => {
    const rule = reportRule(f.ruleId)?.rule;
    return {
      rule: f.ruleId,
      level: f.level,
      title: rule?.title ?? f.ruleId,
      path: f.path ?? null,
      message: f.message,
      fix: f.fix ?? null,
      line: lineOf(image, f) ?? null,
      source: rule?.source ?? null,
    };
  });
  const errors = findings.filter((f) => f.level === 'error').length;
  return { passed: errors === 0, errors, warnings: findings.filter((f) => f.level === 'warning').length, findings };
}

export function renderValidationJson(report: Report): string {
  const rows: JsonValidatedRow[] = report.images.map((image) => ({
    ...toJsonRow(image.result, report.required, reportMachine(report)),
    validation: jsonValidation(image),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The table's validation section: one block per image. */
export function validationLines(report: Report, paint: Paint): string[] {
  const lines: string[] = [];
  for (const image of report.images) {
    const v = jsonValidation(image);
    if (v === null) continue;
    const head = v.passed
      ? paint(
          'ok',
          `passes docker extension validate's rules${v.warnings > 0 ? ` (${v.warnings} warning${v.warnings === 1 ? '' : 's'})` : ''}`,
        )
      : paint('error', `fails docker extension validate's rules: ${v.errors} error${v.errors === 1 ? '' : 's'}`);
    lines.push('', `${printable(image.result.reference)}: ${head}`);
    for (const f of v.findings) {
      const where = f.line !== null ? ` (metadata.json line ${f.line})` : '';
      lines.push(
        `  ${paint(f.level === 'error' ? 'error' : f.level === 'warning' ? 'warning' : 'dim', f.level)} ${printable(f.message)}${where}`,
      );
      if (f.fix !== null) lines.push(`    fix: ${printable(f.fix)}`);
    }
  }
  return lines;
}
