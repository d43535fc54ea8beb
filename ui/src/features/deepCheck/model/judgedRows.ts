/**
 * The rows as the tab judges them once the deep check ran: each result with its deep parts and the
 * worse of the platform and deep verdicts (the core's withDeepParts, the rule of `archmatrix --deep`).
 * The badge, the verdict filter, the summary counts and the exports all read these rows, so a row
 * whose platforms are ready but whose host binaries are wrong is wrong-host-binary everywhere. Pure.
 */
import { withDeepParts } from '@core/index.js';
import type { DeepParts, HostBinaryFinding, InspectResult } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';
import type { DeepFindings, DeepHostBinary } from './deepFindings';
import type { DeepRowState } from './deepRow';

// The JSON row's nulls are the core's absent fields.
function hostBinaryFinding(b: DeepHostBinary): HostBinaryFinding {
  return {
    ...b,
    found: b.found ?? undefined,
    wanted: b.wanted ?? undefined,
    fix: b.fix ?? undefined,
    listedAs: b.listedAs ?? undefined,
  };
}

/** The backend's findings (a JSON row's deep parts) back as the core's DeepParts. */
export function deepPartsOf(findings: DeepFindings): DeepParts {
  return {
    status: findings.status,
    verdict: findings.verdict ?? undefined,
    explanation: findings.message,
    fix: findings.fix ?? undefined,
    warnings: findings.warnings,
    variants: [...findings.variants],
    hostBinaries: findings.hostBinaries.map(hostBinaryFinding),
    backend: findings.backend.map((b) => ({ ...b, platforms: [...b.platforms] })),
    notes: [...findings.notes],
    bytesRead: findings.bytesRead,
    bytesTotal: findings.bytesTotal,
  };
}

/** A platform result judged with the row's deep state: with deep parts once the deep check is done, else as it is. */
export function judgedResult(result: InspectResult, state: DeepRowState | undefined): InspectResult {
  return state?.kind === 'done' ? withDeepParts(result, deepPartsOf(state.findings)) : result;
}

/** Every row judged with its deep state (`stateOf`); rows without a finished deep check stay the same objects. */
export function judgedRows(
  rows: readonly MatrixRow[],
  stateOf: (row: MatrixRow) => DeepRowState | undefined,
): readonly MatrixRow[] {
  return rows.map((row) => {
    const state = stateOf(row);
    return row.result === undefined || state?.kind !== 'done'
      ? row
      : { ...row, result: judgedResult(row.result, state) };
  });
}
