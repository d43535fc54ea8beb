/**
 * THE verdict table: everything a verdict means, in one entry per verdict. The CLI, the server and the
 * tab read it; none of them lists verdicts of its own. Adding a verdict is one entry here plus the rule
 * that decides it in verdict.ts (the test in test/unit/core/verdictTable.test.ts checks every entry).
 */

/** How a verdict is shown: green, amber, red, or blue for "nothing wrong, but note this". */
export type Severity = 'ok' | 'warning' | 'error' | 'info';

/**
 * What a result's platform list is worth:
 *  - complete: the registry's full list of published platforms (a platform not in it is not published);
 *  - local:    only the local store's copy is known (one platform, never pushed or the registry failed);
 *  - none:     nothing could be read (the list is empty and says nothing).
 */
export type PlatformList = 'complete' | 'local' | 'none';

/**
 * What the CLI's --require gate does with the verdict:
 *  - check-platforms: met when every required platform is published, else exit 1;
 *  - not-published:   fails (exit 1): users cannot pull it, whatever its local platform;
 *  - not-inspected:   fails (exit 1): nobody could tell which platforms it has;
 *  - deep-finding:    fails (exit 1): its platforms are published, but the deep check (--deep) found a host
 *                     binary or a backend image that does not work on one of them;
 *  - deep-not-checked: fails (exit 1): its platforms are published, but the deep check (--deep) could not read
 *                     what its variants hold, so nobody can tell whether it works on them.
 */
export type RequirementMeaning =
  'check-platforms' | 'not-published' | 'not-inspected' | 'deep-finding' | 'deep-not-checked';

export interface VerdictRule {
  /** Short words for people ("Missing platforms"). */
  readonly label: string;
  readonly severity: Severity;
  /**
   * Sort order of the matrix (smaller first: the worst on top). Spaced by 10 so a new verdict fits in
   * between (e.g. 15 right after `incompatible`, 65 right after `missing-platforms`).
   */
  readonly rank: number;
  readonly platformList: PlatformList;
  /**
   * A failure that may go away on retry (network, registry hiccup): worth a transient notice.
   * Verdicts that are an answer (not-found, unauthorized) are shown in the row and need none.
   */
  readonly toast: boolean;
  readonly requirement: RequirementMeaning;
}

export const VERDICT_TABLE = {
  ready: {
    label: 'Ready',
    severity: 'ok',
    rank: 100,
    platformList: 'complete',
    toast: false,
    requirement: 'check-platforms',
  },
  'missing-platforms': {
    label: 'Missing platforms',
    severity: 'warning',
    rank: 60,
    platformList: 'complete',
    toast: false,
    requirement: 'check-platforms',
  },
  incompatible: {
    label: 'Incompatible',
    severity: 'error',
    rank: 10,
    platformList: 'complete',
    toast: false,
    requirement: 'check-platforms',
  },
  /**
   * Found by the deep check (--deep): a host binary wrong-cpu or missing in a variant, so the hosts of that
   * OS and CPU cannot run it (Windows in linux/arm64 only warns).
   */
  'wrong-host-binary': {
    label: 'Wrong host binary',
    severity: 'error',
    rank: 15,
    platformList: 'complete',
    toast: false,
    requirement: 'deep-finding',
  },
  /**
   * Found by the deep check (--deep): a backend image other than the extension itself lacks linux/amd64 or
   * linux/arm64, the two CPUs Docker Desktop's VM runs on.
   */
  'backend-missing-platforms': {
    label: 'Backend missing platforms',
    severity: 'warning',
    rank: 65,
    platformList: 'complete',
    toast: false,
    requirement: 'deep-finding',
  },
  /**
   * Found by the deep check (--deep): the inside of some variant could not be read (a metadata.json or compose file
   * behind a bomb, too large, a link, nested too deep; a layer that does not match its digest or size; the deadline),
   * and nothing read elsewhere is wrong. Never ready: an image whose inside cannot be read must not pass as checked.
   * It replaces only a verdict of a complete platform list (ready): a local-only or not-inspected verdict already
   * says why nothing could be read.
   */
  'not-checked-inside': {
    label: 'Inside not checked',
    severity: 'warning',
    rank: 85,
    platformList: 'complete',
    toast: false,
    requirement: 'deep-not-checked',
  },
  'unsupported-os': {
    label: 'Unsupported OS',
    severity: 'error',
    rank: 20,
    platformList: 'complete',
    toast: false,
    requirement: 'check-platforms',
  },
  'local-only': {
    label: 'Local only',
    severity: 'info',
    rank: 90,
    platformList: 'local',
    toast: false,
    requirement: 'not-published',
  },
  unauthorized: {
    label: 'Unauthorized',
    severity: 'warning',
    rank: 70,
    platformList: 'none',
    toast: false,
    requirement: 'not-inspected',
  },
  'not-found': {
    label: 'Not found',
    severity: 'error',
    rank: 30,
    platformList: 'none',
    toast: false,
    requirement: 'not-inspected',
  },
  unreachable: {
    label: 'Unreachable',
    severity: 'warning',
    rank: 80,
    platformList: 'none',
    toast: true,
    requirement: 'not-inspected',
  },
  'invalid-reference': {
    label: 'Invalid reference',
    severity: 'error',
    rank: 40,
    platformList: 'none',
    toast: false,
    requirement: 'not-inspected',
  },
  error: {
    label: 'Error',
    severity: 'error',
    rank: 50,
    platformList: 'none',
    toast: true,
    requirement: 'not-inspected',
  },
} as const satisfies Readonly<Record<string, VerdictRule>>;

/** The verdict values. The UI, the CLI's --json and the tests key on these exact strings. */
export type Verdict = keyof typeof VERDICT_TABLE;

/** Every verdict, in the table's order (the order filters and menus list them in). */
export const VERDICTS = Object.keys(VERDICT_TABLE) as readonly Verdict[];

export const verdictLabel = (verdict: Verdict): string => VERDICT_TABLE[verdict].label;
export const verdictSeverity = (verdict: Verdict): Severity => VERDICT_TABLE[verdict].severity;

/** The "needs attention" rule (the tab's filter and its summary count): a warning or an error; `info` (local only) is not. */
export const needsAttention = (verdict: Verdict): boolean =>
  VERDICT_TABLE[verdict].severity === 'warning' || VERDICT_TABLE[verdict].severity === 'error';
export const verdictRank = (verdict: Verdict): number => VERDICT_TABLE[verdict].rank;
