/**
 * The deep check's state of one row, what the row says about it in one line, and the grid of
 * host binaries (OS × variant) its details show. Pure.
 */
import {
  OS_NAMES,
  RECOMMENDED_PLATFORMS,
  backendLacks,
  deepVerdictFor,
  deepVerdictWins,
  formatBytes,
  notCheckedWhy,
  readScopeText,
  variantCpu,
} from '@core/index.js';
import type {
  DeepVerdict,
  HostOs,
  InspectResult,
  PlatformKey,
  ThisMachine,
  VerdictDetail,
  Verdict,
} from '@core/index.js';
import type { DeepSource, LocalItemError } from '@wire/backendApi.js';
import type { DeepFindings, DeepHostBinary } from './deepFindings';
import { localFailureText, readScopeOfFindings } from './otherVariants';

/**
 * - waiting:      the platform check is done; the deep check waits for a free slot;
 * - running:      the backend reads the image (bytes so far, when it said);
 * - done:         the findings (from the backend, or remembered for this digest);
 * - skipped:      nothing to read inside (the platform check says it is not published, not found, ...);
 * - failed:       the backend's check of this image failed (timeout, ...);
 * - stopped:      the user stopped it;
 * - backend-down: the backend did not answer (or answered too late): the platform matrix stays;
 * - no-backend:   this host has no backend, or the backend has no deep check;
 * - local-missing: this machine's copy could not be read (no engine, or the engine lost the image);
 *                  nothing was downloaded: the details offer the registry instead.
 * A done row may be reading its other variants from the registry (`others`), asked for in its details.
 */
export type DeepRowState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'running'; readonly bytesRead?: number; readonly bytesTotal?: number }
  | {
      readonly kind: 'done';
      readonly findings: DeepFindings;
      readonly remembered: boolean;
      readonly others?: OtherVariantsState;
    }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'backend-down'; readonly message: string }
  | { readonly kind: 'no-backend'; readonly message: string }
  | { readonly kind: 'local-missing'; readonly reason: LocalItemError; readonly message: string };

/** Reading the variants this machine's check left out, from the registry, after the user asked. */
export type OtherVariantsState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'running'; readonly bytesRead?: number; readonly bytesTotal?: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'stopped' };

export type DeepRowKind = DeepRowState['kind'];

/**
 * Platform verdicts with nothing the backend could read inside (it would only say so again). A never-pushed
 * image (local-only) is read when the check reads this machine's engine (an installed extension's row,
 * source 'local'): the backend finds it there by its name.
 */
const NOTHING_TO_READ: Readonly<Partial<Record<InspectResult['verdict'], string>>> = {
  'local-only':
    'Not checked inside: the image is only on this machine (never pushed), and the inside check reads registries only.',
  'not-found': 'Not checked inside: the registry has no such image.',
  'invalid-reference': 'Not checked inside: not a valid image reference.',
};

/** Why a row with this platform result needs no deep check, or undefined when it does. */
export function skipReason(result: InspectResult, source: DeepSource): string | undefined {
  if (result.verdict === 'local-only' && source === 'local') return undefined;
  return NOTHING_TO_READ[result.verdict];
}

/** The deep verdict a row's state carries (only a finished check has one; an inside not checked is one too). */
export function deepVerdictOf(state: DeepRowState | undefined): DeepVerdict | undefined {
  return state?.kind === 'done'
    ? deepVerdictFor(state.findings.status, state.findings.verdict ?? undefined)
    : undefined;
}

/** "macOS on arm64 (Apple silicon)": the hosts that get this variant's binaries for that OS. */
export function hostsOf(os: HostOs, platform: PlatformKey): string {
  // The two Desktop variants by CPU (the core's names); any other variant by its key.
  const cpu = RECOMMENDED_PLATFORMS.includes(platform) ? (variantCpu(platform) ?? platform) : platform;
  const kind = os === 'darwin' ? (cpu === 'arm64' ? ' (Apple silicon)' : cpu === 'x86_64' ? ' (Intel)' : '') : '';
  return `${OS_NAMES[os]} on ${cpu}${kind}`;
}

export const osName = (os: HostOs): string => OS_NAMES[os];

/** Bytes read so far, for the row while it runs: "1.2 MiB of 30.4 MiB read". */
export function progressText(bytesRead: number | undefined, bytesTotal: number | undefined): string {
  if (bytesRead === undefined || bytesRead === 0) return 'Reading inside the image…';
  return bytesTotal === undefined
    ? `Reading inside the image: ${formatBytes(bytesRead)} read`
    : `Reading inside the image: ${formatBytes(bytesRead)} of ${formatBytes(bytesTotal)} read`;
}

const failing = (b: DeepHostBinary): boolean => !b.warningOnly && (b.state === 'wrong-cpu' || b.state === 'missing');

/** True when this host binary is copied to this machine: its OS, this machine's variant. */
export const touchesMachine = (b: Pick<DeepHostBinary, 'os' | 'platform'>, machine: ThisMachine): boolean =>
  b.os === machine.os && b.platform === machine.platform;

/** "The registry could not be reached" as the row says it after "Not checked inside: ". */
const lowerFirst = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** The one line under the verdict: which OS and CPU a problem hits, or what was checked. */
export interface DeepLine {
  readonly tone: 'ok' | 'warning' | 'error' | 'info' | 'busy';
  readonly text: string;
}

/**
 * The line for a finished check. A problem that does not touch this machine (another OS, another variant) is said
 * in a neutral tone: only this machine's own problems are red.
 */
export function doneLine(findings: DeepFindings, machine: ThisMachine = {}): DeepLine {
  if (findings.status === 'not-checked')
    return { tone: 'warning', text: `Not checked inside: ${lowerFirst(notCheckedWhy(findings.message))}` };
  const known = machine.os !== undefined && machine.platform !== undefined;
  const bad =
    findings.hostBinaries.find((b) => failing(b) && touchesMachine(b, machine)) ?? findings.hostBinaries.find(failing);
  if (bad !== undefined) {
    const what =
      bad.state === 'missing'
        ? `${bad.path} is missing`
        : `${bad.path} is ${bad.found ?? 'another CPU'}${bad.wanted === null ? '' : `, needs ${bad.wanted}`}`;
    const more = findings.hostBinaries.filter(failing).length - 1;
    return {
      tone: !known || touchesMachine(bad, machine) ? 'error' : 'info',
      text: `${hostsOf(bad.os, bad.platform)} (${bad.platform} variant): ${what}${more > 0 ? ` (+${more} more)` : ''}`,
    };
  }
  if (findings.verdict === 'backend-missing-platforms') {
    const lacking = findings.backend.find((b) => backendLacks(b).length > 0);
    const has =
      lacking === undefined ? '' : ` ${lacking.reference} has ${lacking.platforms.join(', ') || 'no platform'}`;
    const here =
      lacking !== undefined && machine.platform !== undefined && backendLacks(lacking).includes(machine.platform);
    return {
      tone: machine.platform === undefined || here ? 'warning' : 'info',
      text: `Backend image lacks linux/amd64 or linux/arm64:${has}`,
    };
  }
  const binaries = findings.hostBinaries.length;
  const backends = findings.backend.length;
  if (binaries === 0 && backends === 0) return { tone: 'ok', text: 'Nothing to check inside: no helpers, no backend' };
  // Warnings (Windows on arm64) are for other machines: the details say them, not this line.
  const parts = [
    binaries > 0 ? `helpers right for ${readScopeText(readScopeOfFindings(findings))}` : undefined,
    backends > 0 ? `backend${backends === 1 ? '' : 's'} fine` : undefined,
  ].filter((p): p is string => p !== undefined);
  return { tone: 'ok', text: `Checked inside: ${parts.join(', ')}` };
}

export function deepLine(state: DeepRowState | undefined, machine: ThisMachine = {}): DeepLine | undefined {
  if (state === undefined) return undefined;
  switch (state.kind) {
    case 'waiting':
      return { tone: 'busy', text: 'Inside check waiting…' };
    case 'running':
      return { tone: 'busy', text: progressText(state.bytesRead, state.bytesTotal) };
    case 'done':
      return doneLine(state.findings, machine);
    case 'skipped':
      return { tone: 'info', text: state.message };
    case 'failed':
      return { tone: 'warning', text: `Inside check failed: ${state.message}` };
    case 'stopped':
      return { tone: 'info', text: 'Inside check stopped' };
    case 'backend-down':
      return { tone: 'warning', text: `Backend down or slow: ${state.message}` };
    case 'no-backend':
      return { tone: 'info', text: state.message };
    case 'local-missing':
      return { tone: 'info', text: localFailureText(state.reason) };
  }
}

/** One cell of the grid: the host binaries of one OS in one variant. */
export interface HostGridCell {
  readonly os: HostOs;
  readonly platform: PlatformKey;
  readonly binaries: readonly DeepHostBinary[];
}

export interface HostGrid {
  readonly oses: readonly HostOs[];
  readonly variants: readonly PlatformKey[];
  readonly cells: readonly HostGridCell[];
}

const OS_ORDER: readonly HostOs[] = ['darwin', 'windows', 'linux'];

/** Host binaries as OS × variant (variants in the order the check read them, then any others found). */
export function hostGrid(findings: DeepFindings): HostGrid {
  const variants = [...new Set([...findings.variants, ...findings.hostBinaries.map((b) => b.platform)])];
  const oses = OS_ORDER.filter((os) => findings.hostBinaries.some((b) => b.os === os));
  const cells = oses.flatMap((os) =>
    variants.map((platform) => ({
      os,
      platform,
      binaries: findings.hostBinaries.filter((b) => b.os === os && b.platform === platform),
    })),
  );
  return { oses, variants, cells };
}

/**
 * The verdict the row's badge shows: the worse (by the verdict table's rank) of the platform verdict
 * and the deep verdict, as the core's combineDeepVerdict decides it for the CLI.
 */
export function shownVerdict(platform: Verdict, state: DeepRowState | undefined): Verdict {
  const deep = deepVerdictOf(state);
  return deepVerdictWins(platform, deep) ? deep : platform;
}

/**
 * True when the row's verdict (its badge and the explanation and fix atop its details) is this deep
 * finding: the details' "Inside each variant" section then does not say it again.
 */
export function deepToldAbove(
  result: Pick<VerdictDetail, 'verdict' | 'explanation'> | undefined,
  findings: DeepFindings,
): boolean {
  const verdict = deepVerdictFor(findings.status, findings.verdict ?? undefined);
  return (
    result !== undefined &&
    verdict !== undefined &&
    result.verdict === verdict &&
    result.explanation === findings.message
  );
}
