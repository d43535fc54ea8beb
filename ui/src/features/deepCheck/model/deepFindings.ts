/**
 * What the backend's deep check found for one image, as the tab reads it from the job's `result`
 * (the JSON row of src/core/jsonRow.ts: `deep`, `hostBinaries`, `backend`). Shape-checked: the
 * backend is another process and may be another version; anything unreadable is dropped, never trusted.
 */
import { DEEP_VERDICTS, HOST_BINARY_STATES, HOST_OSES, VERDICTS } from '@core/index.js';
import type { JsonBackend, JsonDeep, JsonHostBinary } from '@core/index.js';
import { isRecord } from '@core/json.js';
import { DEEP_SOURCES, type DeepSource, type NotReadVariant } from '@wire/backendApi.js';

/** One host binary in one variant, as the core's JSON row carries it. */
export type DeepHostBinary = JsonHostBinary;

/** A backend image, as the core's JSON row carries it. */
export type DeepBackendImage = JsonBackend;

/**
 * The deep check's summary as the JSON row's `deep` (without the platform verdict) plus its entries,
 * where this machine's variant was read from (`source`: the engine's local store, or the registry with
 * every variant), and the variants not read with their download size (`notRead`).
 */
export interface DeepFindings extends Omit<JsonDeep, 'platformVerdict'> {
  readonly source: DeepSource;
  readonly hostBinaries: readonly DeepHostBinary[];
  readonly backend: readonly DeepBackendImage[];
  readonly notRead: readonly NotReadVariant[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => item === value);

function hostBinaryFrom(value: unknown): DeepHostBinary | undefined {
  if (!isRecord(value)) return undefined;
  const os = oneOf(HOST_OSES, value['os']);
  const state = oneOf(HOST_BINARY_STATES, value['state']);
  const platform = str(value['platform']);
  const path = str(value['path']);
  if (os === undefined || state === undefined || platform === undefined || path === undefined) return undefined;
  return {
    os,
    platform,
    path,
    state,
    found: strOrNull(value['found']),
    wanted: strOrNull(value['wanted']),
    message: str(value['message']) ?? '',
    fix: strOrNull(value['fix']),
    warningOnly: value['warningOnly'] === true,
    listedAs: strOrNull(value['listedAs']),
    source: oneOf(DEEP_SOURCES, value['source']),
  };
}

function backendFrom(value: unknown): DeepBackendImage | undefined {
  if (!isRecord(value)) return undefined;
  const reference = str(value['reference']);
  const verdict = oneOf(VERDICTS, value['verdict']);
  if (reference === undefined || verdict === undefined) return undefined;
  return {
    reference,
    source: str(value['source']) ?? '',
    self: value['self'] === true,
    platforms: strings(value['platforms']),
    verdict,
    message: str(value['message']) ?? '',
  };
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

function notReadFrom(value: unknown): NotReadVariant | undefined {
  if (!isRecord(value)) return undefined;
  const platform = str(value['platform']);
  const digest = str(value['digest']);
  const bytes = value['bytesTotal'];
  if (platform === undefined || digest === undefined) return undefined;
  return {
    platform,
    digest,
    bytesTotal: typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0 ? bytes : null,
  };
}

/**
 * The deep findings of a job item's result (a JSON row), or undefined when it carries none. `requested`
 * is the source the job asked for; a remembered row says its own (`deep.source`), and an older one,
 * written when every check read the registry, counts as 'registry'.
 */
export function parseDeepFindings(value: unknown, requested: DeepSource = 'registry'): DeepFindings | undefined {
  if (!isRecord(value) || !isRecord(value['deep'])) return undefined;
  const deep = value['deep'];
  const status = oneOf(['checked', 'not-checked'] as const, deep['status']);
  if (status === undefined) return undefined;
  return {
    status,
    source: oneOf(DEEP_SOURCES, deep['source']) ?? requested,
    verdict: oneOf(DEEP_VERDICTS, deep['verdict']) ?? null,
    message: str(deep['message']) ?? '',
    fix: strOrNull(deep['fix']),
    warnings: num(deep['warnings']),
    variants: strings(deep['variants']),
    notes: strings(deep['notes']),
    bytesRead: num(deep['bytesRead']),
    bytesTotal: num(deep['bytesTotal']),
    hostBinaries: Array.isArray(value['hostBinaries']) ? value['hostBinaries'].map(hostBinaryFrom).filter(defined) : [],
    backend: Array.isArray(value['backend']) ? value['backend'].map(backendFrom).filter(defined) : [],
    notRead: Array.isArray(value['notRead']) ? value['notRead'].map(notReadFrom).filter(defined) : [],
  };
}
