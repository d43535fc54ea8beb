/**
 * The deep check's verdict for one extension, from its host-binary and backend findings. Both verdicts are entries
 * of the verdict table (core/verdictTable.ts); combineDeepVerdict (deepVerdict.ts) makes the row's verdict the worse
 * of this and the platform verdict.
 *
 * - `wrong-host-binary`: a host binary `wrong-cpu` or `missing` in any variant, unless that cell is
 *   warning-only (Windows in linux/arm64, the only exception).
 * - `backend-missing-platforms`: a backend image other than the extension itself lacks
 *   linux/amd64 or linux/arm64. A backend whose verdict has no complete platform list in the verdict
 *   table (local-only: one local platform; unauthorized, not-found, ...: none) is named in the
 *   explanation, not counted.
 * When both hold, `wrong-host-binary` wins (it ranks right after `incompatible`; the other right
 * after `missing-platforms`) and the explanation names both.
 * - `not-checked-inside`: not a finding but the lack of one: the inside of some variant could not be read and
 *   nothing read elsewhere is wrong (the deep parts' status 'not-checked'); deepVerdictFor (deepVerdict.ts) gives it.
 */
import { RECOMMENDED_PLATFORMS, parsePlatform, platformKey } from '../platform.js';
import type { PlatformKey, Verdict } from '../types.js';
import { VERDICT_TABLE } from '../verdictTable.js';
import { nothingWrongSentence, type ReadScope } from './readScope.js';
import type { BackendImageFinding, HostBinaryFinding, HostBinaryState } from './types.js';

/** The verdicts of what the deep check found wrong inside. */
export const FINDING_VERDICTS = [
  'wrong-host-binary',
  'backend-missing-platforms',
] as const satisfies readonly Verdict[];
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];

/** The verdict of an image whose inside could not be read: never ready. */
export const NOT_CHECKED_INSIDE = 'not-checked-inside' satisfies Verdict;

export const DEEP_VERDICTS = [...FINDING_VERDICTS, NOT_CHECKED_INSIDE] as const satisfies readonly Verdict[];
export type DeepVerdict = (typeof DEEP_VERDICTS)[number];

export interface DeepOutcome {
  /** undefined: the deep check found nothing that changes the extension's verdict. */
  readonly verdict: FindingVerdict | undefined;
  /** One or two sentences for people; also says what is only a warning. */
  readonly explanation: string;
  /** What the publisher should do, for the verdict; absent when there is no deep verdict. */
  readonly fix?: string;
  /** Non-ok host-binary cells that never change the verdict. */
  readonly warnings: number;
}

const FAILING_STATES: readonly HostBinaryState[] = ['wrong-cpu', 'missing'];

/** Does this host-binary finding change the verdict? */
export function isFailingHostBinary(finding: HostBinaryFinding): boolean {
  return !finding.warningOnly && FAILING_STATES.includes(finding.state);
}

/** What the backend notes need of a backend image (the tab's JSON rows carry these too). */
type BackendBrief = Pick<BackendImageFinding, 'reference' | 'self' | 'verdict'>;

/** A backend other than the extension whose platform list is not the registry's full list: its platforms are unknown. */
const unchecked = (backend: BackendBrief): boolean =>
  !backend.self && VERDICT_TABLE[backend.verdict].platformList !== 'complete';

/** The keys as platformKey writes them (a JSON row read back may carry "linux/arm64/v8"). */
function normalisedKeys(platforms: readonly PlatformKey[]): Set<PlatformKey> {
  return new Set(
    platforms.map((p) => {
      const parsed = parsePlatform(p);
      return parsed.ok ? platformKey(parsed.value) : p;
    }),
  );
}

/** The recommended platforms a backend image lacks (empty when its platforms are unknown or complete). */
export function backendLacks(backend: BackendImageFinding): PlatformKey[] {
  if (backend.self || unchecked(backend)) return [];
  const keys = normalisedKeys(backend.platforms);
  return RECOMMENDED_PLATFORMS.filter((p) => !keys.has(p));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function hostSentence(failing: readonly HostBinaryFinding[]): string {
  const first = failing[0];
  const more = failing.length > 1 ? ` (and ${plural(failing.length - 1, 'more host binary finding')})` : '';
  return first ? `${first.message}${more}` : '';
}

function backendSentence(lacking: readonly { backend: BackendImageFinding; lacks: PlatformKey[] }[]): string {
  return lacking
    .map(
      ({ backend, lacks }) =>
        `backend image ${backend.reference} (${backend.source}) lacks ${lacks.join(' and ')}: Docker Desktop cannot start it on those hosts`,
    )
    .join('; ');
}

/** " Also: 1 warning that does not change the verdict; backend x (unauthorized) not checked." or ''. */
function alsoTail(warnings: number, backends: readonly BackendBrief[]): string {
  const notChecked = backends.filter(unchecked);
  const notes: string[] = [];
  if (warnings > 0)
    notes.push(`${plural(warnings, 'warning')} that ${warnings === 1 ? 'does' : 'do'} not change the verdict`);
  if (notChecked.length > 0)
    notes.push(`backend ${notChecked.map((b) => `${b.reference} (${b.verdict})`).join(', ')} not checked`);
  return notes.length > 0 ? ` Also: ${notes.join('; ')}.` : '';
}

/**
 * The explanation of a deep check with no deep verdict: what was read (see readScope.ts) and its
 * warnings and unchecked backends; or that there was nothing to check. The tab calls it again for a
 * result it folded together from two reads.
 */
export function nothingWrongExplanation(
  scope: ReadScope | undefined,
  found: { readonly hostBinaries: number; readonly warnings: number; readonly backends: readonly BackendBrief[] },
): string {
  const tail = alsoTail(found.warnings, found.backends);
  return found.hostBinaries > 0 || found.backends.length > 0
    ? `${nothingWrongSentence(scope)}${tail}`
    : `No host binaries or backend images to check.${tail}`;
}

/**
 * The deep verdict, its explanation and fix, from one extension's findings. `scope` is what was read
 * (absent: every variant, from a registry); it words the explanation when nothing is wrong.
 */
export function decideDeepOutcome(
  hostBinaries: readonly HostBinaryFinding[],
  backends: readonly BackendImageFinding[],
  scope?: ReadScope,
): DeepOutcome {
  const failing = hostBinaries.filter(isFailingHostBinary);
  const warnings = hostBinaries.filter((f) => f.state !== 'ok' && f.warningOnly).length;
  const lacking = backends
    .map((backend) => ({ backend, lacks: backendLacks(backend) }))
    .filter((b) => b.lacks.length > 0);
  const tail = alsoTail(warnings, backends);

  if (failing.length > 0) {
    const also = lacking.length > 0 ? ` Also ${backendSentence(lacking)}.` : '';
    return {
      verdict: 'wrong-host-binary',
      explanation: `${hostSentence(failing)}${also}${tail}`,
      fix: failing[0]?.fix,
      warnings,
    };
  }
  if (lacking.length > 0) {
    const missing = [...new Set(lacking.flatMap((b) => b.lacks))].join(',');
    return {
      verdict: 'backend-missing-platforms',
      explanation: `${backendSentence(lacking)}.${tail}`,
      fix:
        `Use backend images published for linux/amd64 and linux/arm64 (check with docker buildx imagetools inspect), ` +
        `or build them yourself with docker buildx build --platform=linux/amd64,linux/arm64 (missing: ${missing}).`,
      warnings,
    };
  }
  return {
    verdict: undefined,
    explanation: nothingWrongExplanation(scope, { hostBinaries: hostBinaries.length, warnings, backends }),
    warnings,
  };
}
