/**
 * The deep check's lines in the table's details: one line per problem (OS, path, variant,
 * CPU found and wanted), each backend image that lacks a platform, why an image was not checked, and
 * the notes. Pure.
 */
import {
  backendLacks,
  deepVerdictFor,
  hasDeepParts,
  notCheckedWhy,
  type HostBinaryFinding,
  type InspectResult,
} from '../core/index.js';
import type { Paint } from './text.js';
import { printable } from './text.js';

function binaryLine(f: HostBinaryFinding): string {
  const found = f.found !== undefined ? `, found ${f.found}` : '';
  const wanted = f.wanted !== undefined && f.state === 'wrong-cpu' ? `, wanted ${f.wanted}` : '';
  const where = f.listedAs !== undefined ? ` (in ${f.listedAs})` : '';
  return `${f.os} ${f.path}${where} in ${f.platform}: ${f.state}${found}${wanted}`;
}

/** True when the row has something from the deep check worth showing below the matrix. */
export function hasDeepDetails(result: InspectResult): boolean {
  if (!hasDeepParts(result)) return false;
  const d = result.deep;
  return (
    d.status === 'not-checked' ||
    d.verdict !== undefined ||
    d.hostBinaries.some((f) => f.state !== 'ok') ||
    d.notes.length > 0
  );
}

export function deepLines(result: InspectResult, paint: Paint): string[] {
  if (!hasDeepParts(result)) return [];
  const d = result.deep;
  // The row's fix is the winning verdict's. When the deep verdict wins, that fix already says the deep fix (a
  // finding's fix as it is; not-checked-inside's fix starts with it): it is not said again. When the platform
  // verdict is worse, the deep fix is said here, once.
  const deepWon = result.verdict === deepVerdictFor(d.status, d.verdict);
  const deepFix = d.fix !== undefined && !deepWon && d.fix !== result.fix ? [`  deep fix: ${printable(d.fix)}`] : [];
  // An inside not checked whose verdict won is the row's verdict line, explanation and fix already.
  if (d.status === 'not-checked')
    return deepWon
      ? []
      : [`  ${paint('warning', 'deep check: not checked')}: ${printable(notCheckedWhy(d.explanation))}`, ...deepFix];
  const lines: string[] = [];
  for (const f of d.hostBinaries) {
    if (f.state === 'ok') continue;
    const tone = f.warningOnly || f.state === 'unreadable' ? 'warning' : 'error';
    lines.push(`  ${paint(tone, printable(binaryLine(f)))}${f.warningOnly ? ' (warning only)' : ''}`);
  }
  for (const b of d.backend) {
    const lacks = backendLacks(b);
    if (lacks.length > 0)
      lines.push(`  ${paint('warning', printable(`backend ${b.reference} (${b.source}): lacks ${lacks.join(', ')}`))}`);
  }
  for (const note of d.notes) lines.push(`  ${paint('dim', `note: ${printable(note)}`)}`);
  return [...lines, ...deepFix];
}
