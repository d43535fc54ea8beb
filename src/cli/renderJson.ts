/**
 * --json: one object per image, in input order. Pure.
 * Keys are always present (null when not applicable) so that scripts can rely on them.
 */
import type { FailureKind, InspectResult, InspectSource, ManifestKind, PlatformKey, Severity, Verdict } from '../core/index.js';
import { verdictLabel, verdictSeverity } from '../core/index.js';
import { describeCommand } from '../commands/allowlist.js';
import type { RequirementStatus } from './exitCode.js';
import { checkRequirement } from './exitCode.js';

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
  /** The one-line explanation. */
  readonly message: string;
  readonly fix: string | null;
  readonly source: InspectSource | null;
  readonly failure: { readonly kind: FailureKind; readonly message: string } | null;
  readonly manifest: { readonly kind: ManifestKind; readonly mediaType: string; readonly attestations: number } | null;
  /** Present as an object only with --require. */
  readonly requirement: { readonly required: readonly PlatformKey[]; readonly status: RequirementStatus; readonly missing: readonly PlatformKey[] } | null;
  /** The docker commands run for this image, for display. */
  readonly commands: readonly string[];
}

export function toJsonRow(result: InspectResult, required: readonly PlatformKey[]): JsonRow {
  const requirement = required.length > 0 ? { required: [...required], ...checkRequirement(result, required) } : null;
  return {
    reference: result.reference,
    canonical: result.canonical ?? null,
    verdict: result.verdict,
    label: verdictLabel(result.verdict),
    severity: verdictSeverity(result.verdict),
    platforms: [...result.platforms],
    message: result.explanation,
    fix: result.fix ?? null,
    source: result.source ?? null,
    failure: result.failure !== undefined ? { kind: result.failure.kind, message: result.failure.message } : null,
    manifest:
      result.manifest !== undefined
        ? { kind: result.manifest.kind, mediaType: result.manifest.mediaType, attestations: result.manifest.attestations.length }
        : null,
    requirement,
    commands: result.commands.map((c) => describeCommand(c.argv)),
  };
}

export function renderJson(results: readonly InspectResult[], required: readonly PlatformKey[]): string {
  return `${JSON.stringify(results.map((r) => toJsonRow(r, required)), null, 2)}\n`;
}
