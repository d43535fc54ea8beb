import { VERDICTS, parsePlatform, platformKey } from '@core/index.js';
import { storedRecord } from '@core/index.js';
import { parseJson } from '@core/json.js';
import { validateTyped } from './typed';
import { DEFAULT_VIEW } from './view';
import type { ColumnSet, PlatformFilter, SortDirection, SortKey, VerdictFilter, ViewOptions } from './view';

/** Filters, sort and folded columns, kept for the next visit. */
export const VIEW_KEY = 'archmatrix.view.v1';
/** The references typed into "Inspect any image", inspected again on the next visit. */
export const TYPED_KEY = 'archmatrix.typed.v1';
const MAX_TYPED = 50;

/** A stored platform key is used only when it parses back to itself (no free text reaches the view). */
function platformText(text: string): string | undefined {
  const parsed = parsePlatform(text);
  return parsed.ok && platformKey(parsed.value) === text ? text : undefined;
}

function verdictFilter(value: unknown): VerdictFilter | undefined {
  if (value === 'all' || value === 'attention') return value;
  return VERDICTS.find((verdict) => verdict === value);
}

function platformFilter(value: unknown): PlatformFilter | undefined {
  if (value === 'any') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(has|lacks):(.+)$/.exec(value);
  const key = match?.[2] === undefined ? undefined : platformText(match[2]);
  if (key === undefined) return undefined;
  return match?.[1] === 'has' ? `has:${key}` : `lacks:${key}`;
}

function sortKey(value: unknown): SortKey | undefined {
  if (value === 'name' || value === 'verdict') return value;
  if (typeof value !== 'string' || !value.startsWith('platform:')) return undefined;
  const key = platformText(value.slice('platform:'.length));
  return key === undefined ? undefined : `platform:${key}`;
}

const direction = (value: unknown): SortDirection | undefined =>
  value === 'asc' || value === 'desc' ? value : undefined;
const columnSet = (value: unknown): ColumnSet | undefined =>
  value === 'required' || value === 'all' ? value : undefined;

/** The saved view; each field falls back to the default when missing or not valid. Never throws. */
export function parseSavedView(text: string | null): ViewOptions {
  const value = storedRecord(text);
  if (value === undefined) return DEFAULT_VIEW;
  return {
    verdict: verdictFilter(value['verdict']) ?? DEFAULT_VIEW.verdict,
    platform: platformFilter(value['platform']) ?? DEFAULT_VIEW.platform,
    sort: sortKey(value['sort']) ?? DEFAULT_VIEW.sort,
    direction: direction(value['direction']) ?? DEFAULT_VIEW.direction,
    columns: columnSet(value['columns']) ?? DEFAULT_VIEW.columns,
  };
}

/** The saved typed references: valid references only, each once, at most 50. Never throws. */
export function parseSavedTyped(text: string | null): string[] {
  if (text === null) return [];
  const parsed = parseJson(text, 'saved typed references');
  if (!parsed.ok || !Array.isArray(parsed.value)) return [];
  const references = new Set<string>();
  for (const item of parsed.value as unknown[]) {
    if (typeof item !== 'string') continue;
    const checked = validateTyped(item);
    if (checked.ok) references.add(checked.reference);
  }
  return [...references].slice(0, MAX_TYPED);
}
