/**
 * The findings of one checked image, for the reports that list problems one by one (markdown, SARIF,
 * GitHub annotations). Every finding is read off the core's result (its verdict, its deep parts) or the
 * validation's findings: no rule is decided here. Pure.
 */
import { backendLacks, isFailingHostBinary } from '../inside/deepOutcome.js';
import { hasDeepParts } from '../inside/deepResult.js';
import { OS_NAMES } from '../inside/hostBinaryText.js';
import type { HostBinaryFinding, HostOs } from '../inside/types.js';
import type { InspectResult, Platform, PlatformKey, Verdict } from '../types.js';
import { buildCommand } from '../verdict.js';
import { verdictLabel } from '../verdictTable.js';
import { verdictLevel, type FindingLevel } from './rules.js';

/** A place in metadata.json: object keys and list indexes from the root, e.g. ["host", "binaries", 0, "darwin", 0, "path"]. */
export type JsonPath = readonly (string | number)[];

/** What in metadata.json a finding comes from, so that a report can point at its line. */
export type MetadataAnchor =
  | { readonly kind: 'json-path'; readonly path: JsonPath }
  /** A host binary as metadata.json lists it (its normalised path, or the listed directory it was found in). */
  | { readonly kind: 'host-binary'; readonly os: HostOs; readonly listed: string }
  /** A backend image: "vm.image" or "compose:<service>" (then the vm.composefile line). */
  | { readonly kind: 'backend'; readonly source: string };

export interface ReportFinding {
  /** A rule of core/report/rules.ts. */
  readonly ruleId: string;
  readonly level: FindingLevel;
  /** The image as typed or listed. */
  readonly reference: string;
  /** The platform variant it is about, e.g. "linux/arm64". */
  readonly variant?: PlatformKey;
  /** The host OS a host binary is for. */
  readonly os?: HostOs;
  /** The path inside the image, a backend image's reference, a label or a metadata.json key. */
  readonly path?: string;
  /** One line for people: what is wrong. */
  readonly message: string;
  readonly fix?: string;
  readonly anchor?: MetadataAnchor;
}

/** The platform verdict's finding (none for `ready`). */
function platformFinding(result: InspectResult, host: Platform | undefined): ReportFinding[] {
  const verdict: Verdict = hasDeepParts(result) ? result.platformVerdict : result.verdict;
  const level = verdictLevel(verdict);
  if (level === undefined) return [];
  // With --deep the row's words and fix may be the deep verdict's: the platform's own are rebuilt from its list.
  const own = verdict === result.verdict;
  const published = result.platforms.length > 0 ? result.platforms.join(', ') : 'no platform';
  return [
    {
      ruleId: verdict,
      level,
      reference: result.reference,
      message: own ? result.explanation : `${verdictLabel(verdict)}: published for ${published}`,
      ...(own
        ? result.fix !== undefined
          ? { fix: result.fix }
          : {}
        : { fix: buildCommand(result.reference, result.platforms, host) }),
    },
  ];
}

const STATE_WORDS: Readonly<Record<HostBinaryFinding['state'], string>> = {
  ok: 'ok',
  'wrong-cpu': 'wrong CPU',
  missing: 'missing',
  unreadable: 'unreadable',
};

function hostBinaryFinding(reference: string, f: HostBinaryFinding): ReportFinding {
  const level: FindingLevel = isFailingHostBinary(f) ? (verdictLevel('wrong-host-binary') ?? 'error') : 'warning';
  const found = f.found !== undefined ? `, found ${f.found}` : '';
  const wanted = f.wanted !== undefined && f.state === 'wrong-cpu' ? `, needs ${f.wanted}` : '';
  const only = f.warningOnly ? ' (warning only: Windows binaries are usually amd64-only)' : '';
  return {
    ruleId: `wrong-host-binary/${f.state}`,
    level,
    reference,
    variant: f.platform,
    os: f.os,
    path: f.path,
    message: `${OS_NAMES[f.os]} host binary ${f.path} in the ${f.platform} variant: ${STATE_WORDS[f.state]}${found}${wanted}${only}. ${f.message}`,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    anchor: { kind: 'host-binary', os: f.os, listed: f.listedAs ?? f.path },
  };
}

function deepFindings(result: InspectResult): ReportFinding[] {
  if (!hasDeepParts(result)) return [];
  const d = result.deep;
  const reference = result.reference;
  if (d.status === 'not-checked') {
    return [
      {
        ruleId: 'deep/not-checked',
        level: verdictLevel('not-checked-inside') ?? 'warning',
        reference,
        message: d.explanation,
        ...(d.fix !== undefined ? { fix: d.fix } : {}),
      },
    ];
  }
  const out: ReportFinding[] = d.hostBinaries
    .filter((f) => f.state !== 'ok')
    .map((f) => hostBinaryFinding(reference, f));
  for (const b of d.backend) {
    const lacks = backendLacks(b);
    if (lacks.length === 0) continue;
    out.push({
      ruleId: 'backend-missing-platforms/backend-image',
      level: verdictLevel('backend-missing-platforms') ?? 'warning',
      reference,
      path: b.reference,
      message: `Backend image ${b.reference} (${b.source}) lacks ${lacks.join(', ')}: ${b.message}`,
      fix: `Publish ${b.reference} for linux/amd64 and linux/arm64 (docker buildx build --platform=linux/amd64,linux/arm64 --push), or use an image that has both`,
      anchor: { kind: 'backend', source: b.source },
    });
  }
  for (const note of d.notes) out.push({ ruleId: 'deep/note', level: 'note', reference, message: note });
  return out;
}

/**
 * Every finding of one image: its platform verdict (unless ready), then what the deep check found, in the
 * result's order. `host` rebuilds the platform verdict's build command when a deep verdict took the row's fix.
 */
export function findingsOf(result: InspectResult, host?: Platform): ReportFinding[] {
  return [...platformFinding(result, host), ...deepFindings(result)];
}
