/**
 * --format markdown: a compact report for $GITHUB_STEP_SUMMARY and pull-request comments: a heading with
 * the count, the matrix (one row per image), then each image that needs attention with its findings and
 * fixes, then where the platforms were read and the --require line. Pure; untrusted text is escaped.
 */
import {
  ANSWER_SEVERITY,
  ANSWER_WORDS,
  answerForThisMachine,
  checkRequirement,
  reportMachine,
  imageFindings,
  PLATFORM_SOURCE_WORDS,
  platformPresence,
  summarise,
  verdictLabel,
  verdictSeverity,
  type PlatformPresence,
  type Report,
  type ReportFinding,
  type Severity,
} from '../core/index.js';
import { mdCode, mdText } from './markdownText.js';
import { tableColumns } from './renderTable.js';

const SEVERITY_ICON: Readonly<Record<Severity, string>> = { ok: '✅', warning: '⚠️', error: '❌', info: 'ℹ️' };
const LEVEL_WORD: Readonly<Record<ReportFinding['level'], string>> = {
  error: '**error**',
  warning: '**warning**',
  note: 'note',
};
const MARK: Readonly<Record<PlatformPresence, string>> = { yes: 'yes', no: '**no**', unknown: '?' };

/** At most this many findings are listed per image; the rest are counted (the JSON and SARIF reports have all). */
export const MAX_MARKDOWN_FINDINGS = 30;

function matrix(report: Report): string[] {
  const columns = tableColumns(report.required);
  const header = ['Image', 'This machine', 'Verdict', ...columns.map((c) => mdCode(c, true)), 'Other platforms'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  const machine = reportMachine(report);
  for (const { result } of report.images) {
    const others = result.platforms.filter((key) => !columns.includes(key));
    const { answer } = answerForThisMachine(result, machine);
    const cells = [
      mdCode(result.reference, true),
      `${SEVERITY_ICON[ANSWER_SEVERITY[answer]]} ${ANSWER_WORDS[answer].short}`,
      `${SEVERITY_ICON[verdictSeverity(result.verdict)]} ${verdictLabel(result.verdict)}`,
      ...columns.map((key) => MARK[platformPresence(result, key)]),
      others.map((key) => mdCode(key, true)).join(' '),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function findingLine(f: ReportFinding): string[] {
  const where = [f.variant, f.os, f.path].filter((part): part is string => part !== undefined);
  const place = where.length > 0 ? ` ${where.map((part) => mdCode(part)).join(' · ')}:` : '';
  const lines = [`- ${LEVEL_WORD[f.level]}${place} ${mdText(f.message)}`];
  if (f.fix !== undefined) lines.push(`  fix: ${mdCode(f.fix)}`);
  return lines;
}

function details(report: Report): string[] {
  const lines: string[] = [];
  for (const image of report.images) {
    const findings = imageFindings(image, report.host);
    if (findings.length === 0) continue;
    const { result } = image;
    lines.push(
      '',
      `#### ${SEVERITY_ICON[verdictSeverity(result.verdict)]} ${mdCode(result.reference)}: ${verdictLabel(result.verdict)}`,
      '',
    );
    for (const f of findings.slice(0, MAX_MARKDOWN_FINDINGS)) lines.push(...findingLine(f));
    if (findings.length > MAX_MARKDOWN_FINDINGS)
      lines.push(`- … and ${findings.length - MAX_MARKDOWN_FINDINGS} more (see the JSON or SARIF report)`);
  }
  return lines;
}

function footer(report: Report): string[] {
  const results = report.images.map((i) => i.result);
  const lines = ['', `Platforms read with ${mdText(PLATFORM_SOURCE_WORDS[report.platformSource])}.`];
  if (report.required.length > 0) {
    const meeting = results.filter((r) => checkRequirement(r, report.required).status === 'met').length;
    lines.push(
      `${mdCode(`--require ${report.required.join(',')}`)}: ${meeting} of ${results.length} image${results.length === 1 ? '' : 's'} meet it.`,
    );
  }
  return lines;
}

export function renderMarkdown(report: Report): string {
  if (report.images.length === 0) return '### Arch Matrix\n\nNo extension images were checked.\n';
  const summary = summarise(
    report.images.map((i) => i.result),
    report.host,
  );
  const lines = ['### Arch Matrix', '', mdText(summary), '', ...matrix(report), ...details(report), ...footer(report)];
  return `${lines.join('\n')}\n`;
}
