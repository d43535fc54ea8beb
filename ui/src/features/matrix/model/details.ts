import { auditLabels, describeFailure } from '@core/index.js';
import type { LabelFinding } from '@core/index.js';
import type { SizeTool } from '@commands/index.js';
import { sizeToolOf } from './platformSizes';
import type { MatrixRow } from '../../../shared/matrixRow';

export interface RowDetailsModel {
  /** Undefined when the labels are unknown (a typed reference not in the local store). */
  readonly findings?: readonly LabelFinding[];
  /**
   * What the failing command said (original stderr) and what to do, when something failed. `advice` is
   * left out when the row's fix already says it (one error is never told three times in one panel).
   */
  readonly failure?: { readonly message: string; readonly advice?: string };
  /** How each platform's size is read: the way the row itself was asked. */
  readonly sizeTool: SizeTool;
}

export function rowDetails(row: MatrixRow): RowDetailsModel {
  const result = row.result;
  const findings = row.local === undefined ? undefined : auditLabels(row.local.labels);
  const advice = result?.failure === undefined ? undefined : describeFailure(result.failure);
  const told = advice !== undefined && (advice === result?.fix || advice === result?.userFix);
  const failure =
    result?.failure === undefined ? undefined : { message: result.failure.message, advice: told ? undefined : advice };
  return { findings, failure, sizeTool: result === undefined ? 'buildx' : sizeToolOf(result) };
}
