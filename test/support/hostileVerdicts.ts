/**
 * What every hostile image's check must end with, shared by the CLI's and the backend's tests against
 * the hostile registry: a row that is never ready (the honest control is), a clear message naming the
 * problem, no stack trace or "Maximum call stack" anywhere, nothing from a redirect's other host.
 */
import { expect } from 'vitest';
import type { JsonRow } from '@core/index.js';
import type { HostileImage } from './hostileImages.js';
import { INTERNAL_SECRET } from './hostileRegistry.js';

/** The words of a row a person reads about the deep check: its message, fix, notes and per-binary messages. */
export function rowWords(row: JsonRow, image: HostileImage): string {
  const words = [
    row.message,
    row.fix,
    row.deep?.message,
    row.deep?.fix,
    ...(row.deep?.notes ?? []),
    ...(row.hostBinaries ?? []).map((b) => b.message),
    ...(row.backend ?? []).map((b) => b.message),
  ]
    .filter((w): w is string => typeof w === 'string')
    .join('\n');
  // The image's own name ("hostile/zstd-window") must not answer for the message.
  return words.replaceAll(image.repository, '<image>');
}

/** A stack frame line ("    at f (file.js:1:2)") or V8's overflow message. */
const STACK = /^\s+at .+:\d+:\d+\)?$|Maximum call stack/m;

/** Soft expectations (every one is reported) on the row and the printed text of one hostile image. */
export function expectHostileOutcome(image: HostileImage, row: JsonRow | undefined, printed: string): void {
  const label = `${image.name} (${image.what})`;
  expect.soft(row, `${label}: a JSON row`).toBeDefined();
  expect.soft(printed, `${label}: no stack trace or stack overflow in any output`).not.toMatch(STACK);
  expect.soft(printed, `${label}: nothing from the internal service`).not.toContain(INTERNAL_SECRET);
  if (row === undefined) return;
  if (image.name === 'honest') {
    expect.soft(row.verdict, `${label}: the control is ready`).toBe('ready');
    expect.soft(row.deep?.status, `${label}: the control is checked inside`).toBe('checked');
    return;
  }
  expect.soft(row.verdict, `${label}: never a ready verdict`).not.toBe('ready');
  expect.soft(rowWords(row, image), `${label}: says what went wrong`).toMatch(image.says);
}
