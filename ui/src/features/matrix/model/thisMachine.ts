/**
 * The row's answer for this machine, as the tab shows it: the core's answer (answerForThisMachine) on the row's
 * result judged with its deep check, and "Checking…" while a check that may change it still runs: never
 * "works" before the inside was read. Pure.
 */
import { answerChip, answerForThisMachine, answerLabel, hasDeepParts } from '@core/index.js';
import type { MachineAnswer, ThisMachine } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowState } from '../../deepCheck/model/deepRow';
import { judgedResult } from '../../deepCheck/model/judgedRows';

export interface RowAnswer extends MachineAnswer {
  /** True while the answer waits for a check (the platforms, or the inside): the chip says "Checking…". */
  readonly checking: boolean;
  /** The chip's words: "Works here", "Won't install here", "Broken here", "Unknown", or "Checking…". */
  readonly label: string;
  /** The same in a row's chip, under the column headed "This machine": "Works", "Won't install", ..., "Checking…". */
  readonly chip: string;
}

export const CHECKING = 'Checking…';

const checking = (reason: string): RowAnswer => ({
  answer: 'unknown',
  reason,
  checking: true,
  label: CHECKING,
  chip: CHECKING,
});
const settled = (answer: MachineAnswer): RowAnswer => ({
  ...answer,
  checking: false,
  label: answerLabel(answer.answer),
  chip: answerChip(answer.answer),
});

/** The row's answer for this machine, given its deep check's state. */
export function rowAnswer(row: MatrixRow, deep: DeepRowState | undefined, machine: ThisMachine): RowAnswer {
  const result = row.result;
  if (result === undefined) return checking('Checking which platforms it is published for.');
  if (deep?.kind === 'done')
    return settled(answerForThisMachine(hasDeepParts(result) ? result : judgedResult(result, deep), machine));
  const platform = answerForThisMachine(result, machine);
  // Only an answer the inside can still change waits for it: will-not-install and unknown stand.
  if (platform.answer !== 'works') return settled(platform);
  if (deep?.kind === 'waiting' || deep?.kind === 'running')
    return checking(`${platform.reason.replace(/\.$/, '')}; checking what is inside.`);
  if (deep?.kind === 'failed')
    return settled({ answer: 'unknown', reason: 'The check of what is inside failed, so it is not known.' });
  return settled(platform);
}
