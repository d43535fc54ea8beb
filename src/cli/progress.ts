/**
 * Progress on stderr while images are inspected: on a terminal one line rewritten in place,
 * elsewhere (with --progress) one line per finished image. stdout stays clean for --json.
 */
import type { InspectResult } from '../core/index.js';
import type { ProgressMode } from './args.js';
import { printable } from './text.js';

export interface ProgressSink {
  write(text: string): unknown;
}

export interface Progress {
  readonly onResult: (result: InspectResult) => void;
  /** Clears the in-place line; call before printing the report. */
  readonly done: () => void;
}

export function showProgress(mode: ProgressMode, isTTY: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && isTTY);
}

export function progressLine(
  finished: number,
  total: number,
  result: Pick<InspectResult, 'reference' | 'verdict'>,
): string {
  return `[${finished}/${total}] ${printable(result.reference)}: ${result.verdict}`;
}

/**
 * `columns` (the terminal width) keeps the in-place line on one row, so that clearing it works.
 */
export function createProgress(sink: ProgressSink, total: number, inPlace: boolean, columns?: number): Progress {
  // Some terminals report 0 columns (e.g. a pty without a size): assume 80 then.
  const width = columns !== undefined && columns >= 20 ? columns : 80;
  let finished = 0;
  let drawn = false;
  return {
    onResult: (result) => {
      finished += 1;
      const line = progressLine(finished, total, result);
      if (inPlace) {
        sink.write(`\r\u001b[2K${[...line].slice(0, width - 1).join('')}`);
        drawn = true;
      } else {
        sink.write(`${line}\n`);
      }
    },
    done: () => {
      if (drawn) sink.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

export const noProgress: Progress = { onResult: () => undefined, done: () => undefined };
