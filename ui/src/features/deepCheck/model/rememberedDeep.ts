/**
 * Deep results remembered between visits, keyed by the image's digest (canonical@digest): an
 * index digest names its content, so a remembered result is never stale, and reopening the tab
 * repaints it with no request to the backend and no registry traffic. Bounded in number. Only results
 * checked inside are remembered, so an image that could not be read is read again next time.
 */
import type { InspectResult } from '@core/index.js';
import { isRecord, storedRecord } from '@core/json.js';
import { parseDeepFindings, type DeepFindings } from './deepFindings';

/** localStorage key; the version changes when the stored shape does. */
export const REMEMBERED_DEEP_KEY = 'archmatrix.deep.v1';
/** The most images remembered (the oldest are dropped first). */
export const MAX_REMEMBERED_DEEP = 200;

export interface RememberedDeepEntry {
  readonly savedAt: string;
  readonly findings: DeepFindings;
}

export type RememberedDeep = ReadonlyMap<string, RememberedDeepEntry>;

/** The key of a platform result's image: its canonical reference and index digest; undefined without a digest. */
export function deepKey(result: InspectResult): string | undefined {
  const digest = result.manifest?.digest;
  if (digest === undefined || !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  const name = (result.canonical ?? result.reference).split('@')[0] ?? '';
  return `${name}@${digest}`;
}

/** What was stored, as a map; anything unreadable is dropped. */
export function parseRememberedDeep(text: string | null): Map<string, RememberedDeepEntry> {
  const entries = new Map<string, RememberedDeepEntry>();
  const data = storedRecord(text);
  if (data === undefined || !isRecord(data['entries'])) return entries;
  for (const [key, value] of Object.entries(data['entries'])) {
    if (!isRecord(value) || typeof value['savedAt'] !== 'string') continue;
    // Stored as the JSON row's deep keys: the same parser as the backend's answer.
    const findings = parseDeepFindings(value['row']);
    // Only what was checked inside is remembered: a not-checked result (timeout, backend down, unauthorized...)
    // said nothing about the digest's content, and remembering it would mean it is never read again.
    if (findings?.status === 'checked' && /@sha256:[0-9a-f]{64}$/.test(key))
      entries.set(key, { savedAt: value['savedAt'], findings });
  }
  return entries;
}

/** The findings back in the JSON row shape parseDeepFindings reads. */
function asRow(findings: DeepFindings): unknown {
  // `source` stays in `deep`: what was read, and from where, comes back with the entry.
  const { hostBinaries, backend, notRead, ...deep } = findings;
  return { deep, hostBinaries, backend, notRead };
}

/** The map as stored text: the newest MAX_REMEMBERED_DEEP entries. */
export function serialiseRememberedDeep(entries: RememberedDeep): string {
  const newest = [...entries.entries()]
    .sort((a, b) => (a[1].savedAt < b[1].savedAt ? 1 : a[1].savedAt > b[1].savedAt ? -1 : 0))
    .slice(0, MAX_REMEMBERED_DEEP);
  return JSON.stringify({
    entries: Object.fromEntries(
      newest.map(([key, entry]) => [key, { savedAt: entry.savedAt, row: asRow(entry.findings) }]),
    ),
  });
}
