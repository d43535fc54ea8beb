/**
 * THE JSON row of one result: `archmatrix --json` and the tab's JSON export both write these. Pure.
 * Every key is always present (null when not applicable) so that scripts can rely on them.
 *
 * Deep check keys (what `--deep` found inside the image):
 *  - `deep`, `hostBinaries`, `backend` are null when no deep check was asked for (no --deep);
 *  - with a deep check, `deep` is an object; `hostBinaries` and `backend` are arrays (possibly empty:
 *    an extension with neither) when `deep.status` is 'checked', and null when it is 'not-checked'
 *    (nothing inside the image could be read; `deep.message` says why and `deep.fix` what to run).
 *
 * `thisMachine` is the answer for the machine that wrote the row (core/thisMachine.ts): the CLI's (for a CI
 * job, the runner's) or the tab's Docker Desktop; null when the writer does not know its machine (the backend).
 */
import { describeCommand } from './commandText.js';
import type { DeepStatus } from './inside/deepResult.js';
import { hasDeepParts } from './inside/deepResult.js';
import type { DeepVerdict } from './inside/deepOutcome.js';
import type { BackendImageFinding, HostBinaryState, HostOs, VariantSource } from './inside/types.js';
import { checkRequirement, type RequirementStatus } from './requirement.js';
import { answerForThisMachine } from './thisMachine.js';
import type { MachineAnswer, ThisMachine } from './thisMachineWords.js';
import type { FailureKind, InspectResult, InspectSource, ManifestKind, PlatformKey, Verdict } from './types.js';
import { VERDICT_TABLE, verdictLabel, verdictSeverity, type PlatformList, type Severity } from './verdictTable.js';

export interface JsonHostBinary {
  readonly os: HostOs;
  /** The variant, e.g. "linux/arm64". */
  readonly platform: PlatformKey;
  readonly path: string;
  readonly state: HostBinaryState;
  /** e.g. "x86_64", "arm64", "universal(x86_64,arm64)", "script", "PE x86_64 (Windows)"; null when not read. */
  readonly found: string | null;
  /** The CPU the variant needs, e.g. "arm64"; null for CPU-neutral files or when not read. */
  readonly wanted: string | null;
  readonly message: string;
  readonly fix: string | null;
  /** True for a non-ok cell that never changes the verdict (Windows in linux/arm64). */
  readonly warningOnly: boolean;
  /** The directory metadata.json lists, for a file found inside it; null for listed paths. */
  readonly listedAs: string | null;
  /**
   * Where the variant's files were read: this machine's engine ("local") or the registry. toJsonRow
   * always writes it; optional here only so that rows read back from older JSON (the tab) still type.
   */
  readonly source?: VariantSource;
}

/** One backend image: where it is named, whether it is the extension itself, its platforms and platform verdict. */
export type JsonBackend = Pick<
  BackendImageFinding,
  'reference' | 'source' | 'self' | 'platforms' | 'verdict' | 'message'
>;

export interface JsonDeep {
  readonly status: DeepStatus;
  /** The deep check's own verdict (not-checked-inside when `status` is 'not-checked'); null when it found nothing that changes the verdict. */
  readonly verdict: DeepVerdict | null;
  /** The platform check's own verdict (`verdict` of the row is the worse of the two). */
  readonly platformVerdict: Verdict;
  readonly message: string;
  readonly fix: string | null;
  readonly warnings: number;
  readonly variants: readonly PlatformKey[];
  readonly notes: readonly string[];
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface JsonRequirement {
  readonly required: readonly PlatformKey[];
  readonly status: RequirementStatus;
  readonly missing: readonly PlatformKey[];
}

export interface JsonRow {
  /** As listed by the engine or typed. */
  readonly reference: string;
  /** Fully qualified, when the reference is valid. */
  readonly canonical: string | null;
  readonly verdict: Verdict;
  /** Short words for people ("Missing platforms"). */
  readonly label: string;
  readonly severity: Severity;
  /** Normalised os/arch[/variant], attestations excluded. */
  readonly platforms: readonly PlatformKey[];
  /**
   * What a platform missing from `platforms` means (the verdict table's platformList): 'complete' (the
   * registry's full list: not published), 'local' (only the local copy is known) or 'none' (nobody could tell).
   */
  readonly platformList: PlatformList;
  /** The one-line explanation. */
  readonly message: string;
  readonly fix: string | null;
  /** What someone who installed the image can do themselves (update, tell the publisher, log in). */
  readonly userFix: string | null;
  /** The publisher's fix when only a new build helps (the exact build-and-push command). */
  readonly publisherFix: string | null;
  readonly source: InspectSource | null;
  readonly failure: { readonly kind: FailureKind; readonly message: string } | null;
  readonly manifest: { readonly kind: ManifestKind; readonly mediaType: string; readonly attestations: number } | null;
  /** Present as an object only when platforms are required (the CLI's --require). */
  readonly requirement: JsonRequirement | null;
  /** The docker commands run for this image, for display. */
  readonly commands: readonly string[];
  /** The deep check's summary; null without one. */
  readonly deep: JsonDeep | null;
  /** One entry per host binary (or file in a listed directory) per variant; null when no deep check read the image. */
  readonly hostBinaries: readonly JsonHostBinary[] | null;
  /** One entry per backend image; null when no deep check read the image. */
  readonly backend: readonly JsonBackend[] | null;
  /** works, will-not-install, broken or unknown on the machine that wrote the row, and why; null when it is not known. */
  readonly thisMachine: MachineAnswer | null;
}

function deepKeys(result: InspectResult): Pick<JsonRow, 'deep' | 'hostBinaries' | 'backend'> {
  if (!hasDeepParts(result)) return { deep: null, hostBinaries: null, backend: null };
  const d = result.deep;
  const checked = d.status === 'checked';
  return {
    deep: {
      status: d.status,
      verdict: d.verdict ?? null,
      platformVerdict: result.platformVerdict,
      message: d.explanation,
      fix: d.fix ?? null,
      warnings: d.warnings,
      variants: [...d.variants],
      notes: [...d.notes],
      bytesRead: d.bytesRead,
      bytesTotal: d.bytesTotal,
    },
    hostBinaries: checked
      ? d.hostBinaries.map((f) => ({
          os: f.os,
          platform: f.platform,
          path: f.path,
          state: f.state,
          found: f.found ?? null,
          wanted: f.wanted ?? null,
          message: f.message,
          fix: f.fix ?? null,
          warningOnly: f.warningOnly,
          listedAs: f.listedAs ?? null,
          source: f.source ?? 'registry',
        }))
      : null,
    backend: checked
      ? d.backend.map((b) => ({
          reference: b.reference,
          source: b.source,
          self: b.self,
          platforms: [...b.platforms],
          verdict: b.verdict,
          message: b.message,
        }))
      : null,
  };
}

/**
 * One result as its JSON row; `required` (the CLI's --require) fills `requirement`, `machine` (the machine
 * writing the row) fills `thisMachine`.
 */
export function toJsonRow(
  result: InspectResult,
  required: readonly PlatformKey[] = [],
  machine?: ThisMachine,
): JsonRow {
  const requirement = required.length > 0 ? { required: [...required], ...checkRequirement(result, required) } : null;
  return {
    reference: result.reference,
    canonical: result.canonical ?? null,
    verdict: result.verdict,
    label: verdictLabel(result.verdict),
    severity: verdictSeverity(result.verdict),
    platforms: [...result.platforms],
    platformList: VERDICT_TABLE[result.verdict].platformList,
    message: result.explanation,
    fix: result.fix ?? null,
    userFix: result.userFix ?? null,
    publisherFix: result.publisherFix ?? null,
    source: result.source ?? null,
    failure: result.failure !== undefined ? { kind: result.failure.kind, message: result.failure.message } : null,
    manifest:
      result.manifest !== undefined
        ? {
            kind: result.manifest.kind,
            mediaType: result.manifest.mediaType,
            attestations: result.manifest.attestations.length,
          }
        : null,
    requirement,
    commands: result.commands.map((c) => describeCommand(c.argv)),
    ...deepKeys(result),
    thisMachine: machine === undefined ? null : answerForThisMachine(result, machine),
  };
}

/** Rows as the pretty-printed JSON array both the CLI and the tab's export write. */
export function toJsonText(
  results: readonly InspectResult[],
  required: readonly PlatformKey[] = [],
  machine?: ThisMachine,
): string {
  return `${JSON.stringify(
    results.map((r) => toJsonRow(r, required, machine)),
    null,
    2,
  )}\n`;
}
