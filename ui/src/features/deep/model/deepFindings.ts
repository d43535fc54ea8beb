/**
 * What the backend's deep check found for one image, as the tab reads it from the job's `result`
 * (the JSON row of src/core/jsonRow.ts: `deep`, `hostBinaries`, `backend`). Shape-checked: the
 * backend is another process and may be another version; anything unreadable is dropped, never trusted.
 */
import { DEEP_VERDICTS, HOST_OSES } from '@core/index.js';
import type { BackendImageFinding, DeepVerdict, HostBinaryState, HostOs, PlatformKey } from '@core/index.js';
import { isRecord } from '@core/json.js';

/** Issue 7's four host-binary states (the contract). */
export const DEEP_HOST_BINARY_STATES = ['ok', 'wrong-cpu', 'missing', 'unreadable'] as const satisfies readonly HostBinaryState[];
export type DeepHostBinaryState = (typeof DEEP_HOST_BINARY_STATES)[number];

export interface DeepHostBinary {
  readonly os: HostOs;
  /** The variant, e.g. "linux/arm64". */
  readonly platform: PlatformKey;
  readonly path: string;
  readonly state: DeepHostBinaryState;
  /** e.g. "x86_64", "universal(x86_64,arm64)", "script"; null when not read. */
  readonly found: string | null;
  readonly wanted: string | null;
  readonly message: string;
  readonly fix: string | null;
  /** A non-ok cell that never changes the verdict (Windows in linux/arm64). */
  readonly warningOnly: boolean;
  readonly listedAs: string | null;
}

/** A backend image as the JSON row carries it (the core's finding without its wording helpers). */
export type DeepBackendImage = Pick<BackendImageFinding, 'reference' | 'source' | 'self' | 'platforms' | 'verdict' | 'message'>;

export interface DeepFindings {
  /** checked: metadata.json of every linux variant was read; not-checked: nothing inside could be read (message says why). */
  readonly status: 'checked' | 'not-checked';
  readonly verdict: DeepVerdict | null;
  readonly message: string;
  readonly fix: string | null;
  readonly warnings: number;
  readonly variants: readonly PlatformKey[];
  readonly notes: readonly string[];
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly hostBinaries: readonly DeepHostBinary[];
  readonly backend: readonly DeepBackendImage[];
}


const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((item) => item === value);

function hostBinaryFrom(value: unknown): DeepHostBinary | undefined {
  if (!isRecord(value)) return undefined;
  const os = oneOf(HOST_OSES, value['os']);
  const state = oneOf(DEEP_HOST_BINARY_STATES, value['state']);
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
  };
}

function backendFrom(value: unknown): DeepBackendImage | undefined {
  if (!isRecord(value)) return undefined;
  const reference = str(value['reference']);
  const verdict = str(value['verdict']);
  if (reference === undefined || verdict === undefined) return undefined;
  return { reference, source: str(value['source']) ?? '', self: value['self'] === true, platforms: strings(value['platforms']), verdict, message: str(value['message']) ?? '' };
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/** The deep findings of a job item's result (a JSON row), or undefined when it carries none. */
export function parseDeepFindings(value: unknown): DeepFindings | undefined {
  if (!isRecord(value) || !isRecord(value['deep'])) return undefined;
  const deep = value['deep'];
  const status = oneOf(['checked', 'not-checked'] as const, deep['status']);
  if (status === undefined) return undefined;
  return {
    status,
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
  };
}
