/**
 * One extension's deep check result (whether its host binaries and backend images fit each platform): the platform
 * check's InspectResult plus what was found inside its variants. The orchestration (src/deepCheck) fills it; the
 * CLI, the backend, the tab and the exports read it through the one JSON row serializer (src/core/jsonRow.ts).
 */
import type { InspectResult, PlatformKey, Verdict } from '../types.js';
import type { DeepVerdict } from './deepOutcome.js';
import type { BackendImageFinding, HostBinaryFinding } from './types.js';

/**
 * - checked:     metadata.json of every runnable linux variant was read (or found absent / unusable: a note says so)
 *                and everything it lists was judged; or what was judged is wrong anyway (a deep verdict), whatever
 *                the variants not checked (the notes name them) hold;
 * - not-checked: the inside of some variant could not be judged, and nothing judged elsewhere is wrong: never pushed,
 *                unauthorized, not found, unreachable, cancelled, over the deadline or the byte cap before a
 *                metadata.json was read, or a metadata.json there but not read to its end (a link, cut short, past
 *                the size or depth limits, its layer unreadable), or a compose file it names that could not be read;
 *                `explanation` says why. Its verdict is not-checked-inside; never passes --require.
 */
export const DEEP_STATUSES = ['checked', 'not-checked'] as const;
export type DeepStatus = (typeof DEEP_STATUSES)[number];

export interface DeepParts {
  readonly status: DeepStatus;
  /**
   * The deep check's own verdict: a finding's (wrong-host-binary, backend-missing-platforms), not-checked-inside when
   * the status is 'not-checked' (withDeepParts sees to it), undefined when it found nothing that changes the verdict.
   */
  readonly verdict?: DeepVerdict;
  /** One or two sentences for people: the first problem, the warnings, or why nothing was checked. */
  readonly explanation: string;
  /** What to do: the publisher's fix for a deep verdict, or the command to run for a not-checked image. */
  readonly fix?: string;
  /** Non-ok host-binary cells that never change the verdict (Windows in linux/arm64). */
  readonly warnings: number;
  /** The variants whose files were read, normalised ("linux/amd64", "linux/arm64"). */
  readonly variants: readonly PlatformKey[];
  readonly hostBinaries: readonly HostBinaryFinding[];
  readonly backend: readonly BackendImageFinding[];
  /** What was read but not judged, one sentence each: metadata.json problems, ignored entries, compose problems. */
  readonly notes: readonly string[];
  /** Compressed bytes downloaded for this image, and the sum of its variants' layer sizes. */
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface DeepCheckResult extends InspectResult {
  /** The platform check's own verdict; `verdict` is the worse (by the verdict table's rank) of it and deep.verdict. */
  readonly platformVerdict: Verdict;
  readonly deep: DeepParts;
}

/** True for a result that carries deep parts (the deep check was asked for). */
export function hasDeepParts(result: InspectResult): result is DeepCheckResult {
  return (
    'deep' in result &&
    typeof (result as { deep?: unknown }).deep === 'object' &&
    (result as { deep?: unknown }).deep !== null
  );
}
