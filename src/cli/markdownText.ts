/**
 * Untrusted text (image names, registry messages) made safe for GitHub-flavoured markdown: no control
 * characters, no line breaks, no markup, no HTML; code spans that their content cannot close. Pure.
 */
import { printable } from './text.js';

const oneLine = (text: string): string => printable(text.replace(/\r?\n/g, ' '));

/** Plain text: every markdown and HTML special character escaped, `&` as an entity. */
export function mdText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (ch) => `\\${ch}`);
}

/**
 * A code span whose fence is longer than any run of backticks inside it. In a table cell (`inCell`), `|`
 * is escaped as GitHub's tables require even inside code.
 */
export function mdCode(text: string, inCell = false): string {
  let body = oneLine(text);
  if (inCell) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
