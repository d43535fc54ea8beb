/**
 * The summary of the matrix that the tab shows above it: "N of M ready", then one count per verdict (each one a
 * filter the tab can link to). Installed extensions and typed images are counted apart, each image once (by its
 * canonical reference). Pure: it counts the rows it is given, so a caller that passes the rows of the active filter
 * gets the summary of what is shown.
 */
import { platformKey } from './platform.js';
import { parseReference } from './reference.js';
import type { InspectResult, Platform } from './types.js';
import { VERDICTS, verdictLabel, verdictRank, type Verdict } from './verdictTable.js';

/** Where a row comes from: the engine's installed extensions, or a reference the user typed (counted apart). */
export type SummaryOrigin = 'installed' | 'typed';

export interface SummaryEntry {
  /** As listed or typed (untrusted text: only used to tell images apart). */
  readonly reference: string;
  readonly origin: SummaryOrigin;
  /** Undefined while the image has not been inspected yet. */
  readonly result?: InspectResult;
}

export interface VerdictCount {
  /** The filter this count stands for. */
  readonly verdict: Verdict;
  readonly count: number;
  /** For people: "2 missing platforms", "1 will not install on this machine (linux/arm64)". */
  readonly text: string;
}

export interface GroupSummary {
  /** Distinct images (by canonical reference), inspected or not. */
  readonly total: number;
  readonly ready: number;
  /** Not inspected yet. */
  readonly pending: number;
  /** One entry per verdict present (ready included), worst first as the matrix sorts them. */
  readonly counts: readonly VerdictCount[];
  /** "3 of 12 ready; 5 missing platforms, 1 will not install on this machine (linux/arm64)"; '' when empty. */
  readonly text: string;
}

export interface MatrixSummary {
  readonly installed: GroupSummary;
  readonly typed: GroupSummary;
  /** The whole line: the installed extensions first, then the typed images, counted apart. */
  readonly text: string;
}

export const NO_IMAGES = 'No extension images found';

/** The key two rows of one image share: the canonical reference when it is valid, else the text as given. */
function imageKey(entry: SummaryEntry): string {
  if (entry.result?.canonical !== undefined) return entry.result.canonical;
  const parsed = parseReference(entry.reference);
  return parsed.ok ? parsed.value.canonical : entry.reference;
}

/** Each image once; a row with a result wins over a pending row of the same image. */
function distinct(entries: readonly SummaryEntry[]): SummaryEntry[] {
  const byKey = new Map<string, SummaryEntry>();
  for (const entry of entries) {
    const key = imageKey(entry);
    const seen = byKey.get(key);
    if (seen === undefined || (seen.result === undefined && entry.result !== undefined)) byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** The verdict labels that are a plural noun: one image is "1 missing platform", not "1 missing platforms". */
const ONE: Readonly<Partial<Record<Verdict, string>>> = {
  'missing-platforms': 'Missing platform',
  'backend-missing-platforms': 'Backend missing platform',
};

function countText(verdict: Verdict, count: number, host: Platform | undefined): string {
  if (verdict === 'incompatible' && host !== undefined)
    return `${count} will not install on this machine (${platformKey(host)})`;
  const label = (count === 1 ? ONE[verdict] : undefined) ?? verdictLabel(verdict);
  return `${count} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function summariseGroup(entries: readonly SummaryEntry[], host: Platform | undefined): GroupSummary {
  const images = distinct(entries);
  const total = images.length;
  const tally = new Map<Verdict, number>();
  for (const image of images) {
    if (image.result !== undefined) tally.set(image.result.verdict, (tally.get(image.result.verdict) ?? 0) + 1);
  }
  const counts = [...VERDICTS]
    .filter((verdict) => (tally.get(verdict) ?? 0) > 0)
    .sort((a, b) => verdictRank(a) - verdictRank(b))
    .map((verdict) => {
      const count = tally.get(verdict) ?? 0;
      return { verdict, count, text: countText(verdict, count, host) };
    });
  const ready = tally.get('ready') ?? 0;
  const pending = images.filter((image) => image.result === undefined).length;
  if (total === 0) return { total, ready, pending, counts, text: '' };
  const others = counts.filter((c) => c.verdict !== 'ready').map((c) => c.text);
  const parts = [`${ready} of ${total} ready`];
  if (others.length > 0) parts.push(others.join(', '));
  if (pending > 0) parts.push(`${pending} not checked yet`);
  return { total, ready, pending, counts, text: parts.join('; ') };
}

/** The summary of the rows given (pass the filtered rows to summarise what is shown). */
export function summariseMatrix(entries: readonly SummaryEntry[], host?: Platform): MatrixSummary {
  const installed = summariseGroup(
    entries.filter((e) => e.origin === 'installed'),
    host,
  );
  const typed = summariseGroup(
    entries.filter((e) => e.origin === 'typed'),
    host,
  );
  const typedText = `typed images (counted apart): ${typed.text}`;
  const text =
    installed.total > 0 && typed.total > 0
      ? `${installed.text} · ${typedText}`
      : installed.total > 0
        ? installed.text
        : typed.total > 0
          ? `No installed extension shown · ${typedText}`
          : NO_IMAGES;
  return { installed, typed, text };
}

/** One line over a list of results (the CLI: the installed extensions, or the references given). */
export function summarise(results: readonly InspectResult[], host?: Platform): string {
  return (
    summariseMatrix(
      results.map((result) => ({ reference: result.reference, origin: 'installed', result })),
      host,
    ).installed.text || NO_IMAGES
  );
}
