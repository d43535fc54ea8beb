/**
 * Text helpers for the terminal. Pure.
 * Untrusted text (image names from the engine, registry error messages) goes through printable()
 * before it reaches a terminal, so it cannot carry escape sequences or reorder the line.
 */

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Replaces control characters with a visible \\uXXXX escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'dim';

const SGR: Record<Tone, string> = { ok: '32', warning: '33', error: '31', info: '36', dim: '2' };

export interface Paint {
  (tone: Tone, text: string): string;
}

export const plain: Paint = (_tone, text) => text;
export const ansi: Paint = (tone, text) => (text === '' ? text : `\u001b[${SGR[tone]}m${text}\u001b[0m`);

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org: set to a non-empty value)
 * or --no-color was given.
 */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** Left-aligned columns separated by two spaces; `cells` are plain text, `paint` decides each cell's tone. */
export function alignRows(
  rows: readonly (readonly string[])[],
  paint: Paint,
  tones?: readonly (readonly (Tone | undefined)[])[],
): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row, r) =>
    row
      .map((cell, i) => {
        const padded = i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length);
        const tone = tones?.[r]?.[i];
        return tone === undefined ? padded : paint(tone, cell) + padded.slice(cell.length);
      })
      .join('  ')
      .trimEnd(),
  );
}
