/** Small, total helpers for reading untrusted JSON (command output) without `any`. */
import { err, ok, type ParseError, type Result } from './result.js';

export type JsonRecord = { readonly [key: string]: unknown };

/** Larger outputs are refused rather than parsed: no real manifest or inspect output comes close. */
export const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;

export const malformed = (message: string): ParseError => ({ kind: 'malformed', message });

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse that never throws: empty, oversized or invalid text gives a ParseError naming `what`. */
export function parseJson(text: unknown, what: string): Result<unknown, ParseError> {
  if (typeof text !== 'string') return err(malformed(`${what}: expected text, got ${typeof text}`));
  if (text.length > MAX_OUTPUT_CHARS) return err(malformed(`${what}: output too large (${text.length} characters)`));
  if (text.trim() === '') return err(malformed(`${what}: empty output`));
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(malformed(`${what}: not valid JSON (${reason})`));
  }
}

/**
 * True when JSON text nests arrays and objects more than `maxDepth` levels deep, read without parsing (brackets
 * inside strings do not count) and stopping at the first level past it. JSON.parse itself copes with any depth,
 * but every recursive walk of the value after it (stringify, copies, structured clone) would overflow the stack:
 * untrusted JSON is measured first.
 */
export function jsonNestsDeeper(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, a quote included.
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Stored text (localStorage and the like) read back as a JSON object, or undefined: never throws, never trusted. */
export function storedRecord(text: string | null): JsonRecord | undefined {
  if (text === null) return undefined;
  const parsed = parseJson(text, 'stored data');
  return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string→string map from a JSON value; non-string values are dropped. Null/absent gives {}. */
export function stringMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return undefined;
  // fromEntries defines own properties, so a "__proto__" key stays a plain label.
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function stringArray(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const v of value as unknown[]) {
    if (typeof v !== 'string') return undefined;
    out.push(v);
  }
  return out;
}

/** True when the text takes more than maxBytes in UTF-8 (the cheap length check first: a character is at least one byte). */
export function exceedsUtf8Bytes(text: string, maxBytes: number): boolean {
  return text.length > maxBytes || new TextEncoder().encode(text).length > maxBytes;
}

/** Shortens untrusted text for use inside an error message. */
export function excerpt(text: string, max = 60): string {
  let oneLine = '';
  for (const ch of text) oneLine += isControlChar(ch) ? ' ' : ch;
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** C0 controls and DEL (newline, tab, escape, NUL, ...). */
export function isControlChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

export function hasControlChar(text: string): boolean {
  for (const ch of text) if (isControlChar(ch)) return true;
  return false;
}
