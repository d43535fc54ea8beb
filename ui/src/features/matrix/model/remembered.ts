import { VERDICTS, isRecord, storedRecord } from '@core/index.js';
import type { CommandRecord, InspectResult, LocalImage } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

/** localStorage key; the version changes when the stored shape does. */
export const REMEMBERED_KEY = 'archmatrix.results.v1';
/** Raw outputs are kept for the details view, but a very long one is cut to keep storage small. */
export const MAX_STORED_OUTPUT = 16_384;

export interface RememberedRows {
  readonly savedAt: string;
  readonly rows: readonly MatrixRow[];
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isStringMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((v) => typeof v === 'string');

function cut(text: string): string {
  return text.length > MAX_STORED_OUTPUT
    ? `${text.slice(0, MAX_STORED_OUTPUT)}\n… (cut: ${text.length} characters in all)`
    : text;
}

function isCommandRecord(value: unknown): value is CommandRecord {
  return (
    isRecord(value) &&
    isStringArray(value['argv']) &&
    (value['exitCode'] === null || typeof value['exitCode'] === 'number') &&
    typeof value['stdout'] === 'string' &&
    typeof value['stderr'] === 'string'
  );
}

/** A shape check of what another visit stored (the storage may be stale, edited or from an older version). */
function isResult(value: unknown): value is InspectResult {
  return (
    isRecord(value) &&
    typeof value['reference'] === 'string' &&
    typeof value['verdict'] === 'string' &&
    (VERDICTS as readonly string[]).includes(value['verdict']) &&
    typeof value['explanation'] === 'string' &&
    (value['fix'] === undefined || typeof value['fix'] === 'string') &&
    (value['userFix'] === undefined || typeof value['userFix'] === 'string') &&
    (value['publisherFix'] === undefined || typeof value['publisherFix'] === 'string') &&
    isStringArray(value['platforms']) &&
    Array.isArray(value['commands']) &&
    value['commands'].every(isCommandRecord)
  );
}

function isLocalImage(value: unknown): value is LocalImage {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    isStringArray(value['repoTags']) &&
    isStringArray(value['repoDigests']) &&
    isStringMap(value['labels'])
  );
}

function rowFrom(value: unknown): MatrixRow | undefined {
  if (!isRecord(value) || typeof value['reference'] !== 'string' || !isResult(value['result'])) return undefined;
  const local = value['local'];
  return {
    reference: value['reference'],
    origin: 'installed',
    isSelf: value['isSelf'] === true,
    status: 'done',
    result: value['result'],
    local: isLocalImage(local) ? local : undefined,
  };
}

/** Parse what was stored; anything unreadable is ignored, never trusted. */
export function parseRemembered(text: string | null): RememberedRows | undefined {
  const data = storedRecord(text);
  if (data === undefined || typeof data['savedAt'] !== 'string' || !Array.isArray(data['rows'])) return undefined;
  const rows = data['rows'].map(rowFrom).filter((row): row is MatrixRow => row !== undefined);
  return rows.length === 0 ? undefined : { savedAt: data['savedAt'], rows };
}

/** The installed rows that have a result, with long outputs cut. */
export function serialiseRemembered(rows: readonly MatrixRow[], savedAt: string): string {
  const kept = rows
    .filter((row) => row.origin === 'installed' && row.result !== undefined)
    .map((row) => ({
      reference: row.reference,
      isSelf: row.isSelf,
      local: row.local,
      result:
        row.result === undefined
          ? undefined
          : {
              ...row.result,
              commands: row.result.commands.map((c) => ({ ...c, stdout: cut(c.stdout), stderr: cut(c.stderr) })),
            },
    }));
  return JSON.stringify({ savedAt, rows: kept });
}
