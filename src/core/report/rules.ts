/**
 * The rules a report names (SARIF's `tool.driver.rules`, the markdown's headings): one per verdict that
 * needs attention and one per kind of deep finding, plus the validation rules (core/validate/rules.ts).
 * Descriptions only: which verdict or finding an image gets is decided elsewhere in the core.
 */
import type { Verdict } from '../types.js';
import { VALIDATION_RULES } from '../validate/rules.js';
import { verdictLabel, verdictSeverity, type Severity } from '../verdictTable.js';
import type { FindingLevel } from './findingLevel.js';

/** SARIF's levels; `note` is the verdict table's `info`. */
export type { FindingLevel };

export const LEVEL_OF_SEVERITY: Readonly<Record<Exclude<Severity, 'ok'>, FindingLevel>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** The level of a verdict's findings (undefined for `ready`: it has none). */
export function verdictLevel(verdict: Verdict): FindingLevel | undefined {
  const severity = verdictSeverity(verdict);
  return severity === 'ok' ? undefined : LEVEL_OF_SEVERITY[severity];
}

export interface ReportRule {
  /** e.g. "missing-platforms", "wrong-host-binary/wrong-cpu", "validate/metadata-schema". */
  readonly id: string;
  /** Short words for people. */
  readonly title: string;
  /** What it means and what to do, in a sentence or two. */
  readonly description: string;
  readonly level: FindingLevel;
  /** Where the rule comes from (Docker's documentation, its validator), when it is not Arch Matrix's own. */
  readonly source?: string;
}

/** What each verdict that needs attention means (the README's verdict table, one line each). */
const VERDICT_MEANING: Readonly<Record<Exclude<Verdict, 'ready'>, string>> = {
  'missing-platforms':
    'Installs on this machine, but lacks a recommended platform (Docker asks for linux/amd64 and linux/arm64).',
  incompatible: "Lacks this machine's platform: Docker Desktop will not install it here.",
  'wrong-host-binary':
    'A host binary metadata.json lists is for the wrong CPU (or another OS) or missing in a variant: users of that CPU get a binary that does not run.',
  'backend-missing-platforms':
    'A backend image (vm.image, a compose service) other than the extension itself lacks linux/amd64 or linux/arm64.',
  'not-checked-inside':
    'Its platforms are published, but the inside of a variant could not be read (a metadata.json or compose file behind a bomb, too large, a link or nested too deep; a layer that does not match its digest or size; the deadline): run the check again, and if it still cannot be read, the publisher must rebuild it.',
  'unsupported-os': 'No linux platform at all: Docker Desktop runs extension images in its Linux VM.',
  'local-only': 'Only in the local image store (never pushed, or its registry could not be reached).',
  unauthorized: 'The registry refused access: log in (docker login HOST) to check it.',
  'not-found': 'The registry has no such repository or tag.',
  unreachable: 'The registry could not be reached in time.',
  'invalid-reference': 'Not a valid image reference: nothing was run.',
  error: 'The check failed (rate limit, malformed answer, missing tool): the message says what happened.',
};

const verdictRules: ReportRule[] = (Object.keys(VERDICT_MEANING) as Exclude<Verdict, 'ready'>[]).map((verdict) => ({
  id: verdict,
  title: verdictLabel(verdict),
  description: VERDICT_MEANING[verdict],
  level: verdictLevel(verdict) ?? 'note',
}));

const deepRules: ReportRule[] = [
  {
    id: 'wrong-host-binary/wrong-cpu',
    title: 'Host binary for the wrong CPU',
    description:
      "A host binary in this variant is built for another CPU (or is another OS's executable): build it per TARGETARCH so that each variant carries its own CPU's binary.",
    level: 'error',
  },
  {
    id: 'wrong-host-binary/missing',
    title: 'Host binary missing in a variant',
    description:
      'metadata.json lists a host binary that this variant does not contain: Docker Desktop cannot copy it to the host.',
    level: 'error',
  },
  {
    id: 'wrong-host-binary/unreadable',
    title: 'Host binary could not be read',
    description:
      'The file could not be read from the image (a layer problem, a cap or a deadline): its CPU is unknown.',
    level: 'warning',
  },
  {
    id: 'backend-missing-platforms/backend-image',
    title: 'Backend image lacks a platform',
    description:
      'A backend image this extension runs in the Docker Desktop VM lacks linux/amd64 or linux/arm64: the backend fails on that CPU.',
    level: verdictLevel('backend-missing-platforms') ?? 'warning',
  },
  {
    id: 'deep/not-checked',
    title: 'Inside not checked',
    description:
      'The inside of a variant could not be read (not pushed, login needed, not found, deadline, a metadata.json or compose file that could not be read to its end): its host binaries and backends were not checked.',
    level: verdictLevel('not-checked-inside') ?? 'warning',
  },
  {
    id: 'deep/note',
    title: 'metadata.json note',
    description:
      'Something in metadata.json was read but not judged (a malformed entry, an unknown OS key, a duplicate).',
    level: 'note',
  },
];

/** Every rule, in a fixed order (SARIF results point at them by index). */
export const REPORT_RULES: readonly ReportRule[] = [...verdictRules, ...deepRules, ...VALIDATION_RULES];

const BY_ID = new Map(REPORT_RULES.map((rule, index) => [rule.id, { rule, index }]));

/** The rule and its index in REPORT_RULES; undefined for an id no rule has. */
export function reportRule(id: string): { readonly rule: ReportRule; readonly index: number } | undefined {
  return BY_ID.get(id);
}
