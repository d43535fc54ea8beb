/**
 * THE rule of the this-machine answer: from a result (its verdict from the verdict table, its platforms and,
 * after a deep check, what is inside), this machine's platform and its host OS, one answer (works,
 * will-not-install, broken, unknown) and one short sentence why. The CLI's table and --json, and the tab's
 * row, all say this answer. Pure.
 *
 * In order:
 * 1. The platforms. Nothing could be read (the verdict table's platform list is 'none') -> unknown, with the
 *    registry's reason. No linux platform, or a complete list without this machine's platform -> will-not-install
 *    (nothing inside matters then). A local-only image runs here when its local copy is this machine's platform.
 * 2. Inside (only when a deep check ran). A deep verdict that does not name the hosts it hits -> unknown. The
 *    inside not checked -> unknown. A host binary for THIS OS in THIS machine's variant wrong-cpu or missing,
 *    or a backend image without this machine's platform -> broken. Everything else (another OS's binary,
 *    another variant, Windows on arm64 for a machine that is not one) does not touch this machine.
 */
import { backendLacks } from './inside/deepOutcome.js';
import { hasDeepParts, type DeepCheckResult } from './inside/deepResult.js';
import { OS_NAMES } from './inside/hostBinaryText.js';
import type { BackendImageFinding, HostBinaryFinding } from './inside/types.js';
import { normalisedVariant } from './inside/variantCpu.js';
import { RECOMMENDED_PLATFORMS } from './platform.js';
import { andList, sentence, type MachineAnswer, type ThisMachine } from './thisMachineWords.js';
import type { InspectResult, PlatformKey, Verdict } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

/**
 * The deep verdicts whose findings say which OS and CPU they hit, judged below against this machine.
 * Any other verdict a deep check gives (e.g. one saying the inside could not be judged) is not about a
 * host, and the answer is unknown: add it here only if its findings name the hosts they hit.
 */
const HOST_DEEP_VERDICTS: readonly Verdict[] = ['wrong-host-binary', 'backend-missing-platforms'];

/** A verdict only the deep check gives: its --require meaning is one of the deep ones ('deep-finding', ...). */
const isDeepVerdict = (verdict: Verdict): boolean => VERDICT_TABLE[verdict].requirement.startsWith('deep-');

/** True when the row's verdict came from the deep check (not from the platforms) and does not name a host. */
function deepVerdictWithoutHost(result: InspectResult): boolean {
  const fromDeep = isDeepVerdict(result.verdict) || (hasDeepParts(result) && result.verdict !== result.platformVerdict);
  return fromDeep && !HOST_DEEP_VERDICTS.includes(result.verdict);
}

const works = (reason: string): MachineAnswer => ({ answer: 'works', reason: sentence(reason) });
const wontInstall = (reason: string): MachineAnswer => ({ answer: 'will-not-install', reason: sentence(reason) });
const broken = (reason: string): MachineAnswer => ({ answer: 'broken', reason: sentence(reason) });
const unknown = (reason: string): MachineAnswer => ({ answer: 'unknown', reason: sentence(reason) });

/** The platforms' answer, from the platform check's own verdict. */
function platformAnswer(result: InspectResult, verdict: Verdict, machine: ThisMachine): MachineAnswer {
  const list = VERDICT_TABLE[verdict].platformList;
  const platforms = result.platforms.map(normalisedVariant);
  const here = machine.platform;
  if (list === 'none') return unknown(result.explanation);
  if (list === 'local') {
    if (here !== undefined && platforms.includes(here))
      return works(`Built on this machine for ${here} and never published: it runs here`);
    return unknown(
      platforms.length === 0
        ? 'Only a copy on this machine is known, and not its platform'
        : `Only a copy on this machine is known, built for ${andList(platforms)}`,
    );
  }
  if (!platforms.some((p) => p.startsWith('linux/')))
    return wontInstall('It has no Linux build: Docker Desktop will not install it');
  if (here !== undefined) {
    return platforms.includes(here)
      ? works(`Published for this machine (${here})`)
      : wontInstall(`Not published for this machine (${here}): Docker Desktop will not install it`);
  }
  // This machine's platform is unknown: Docker Desktop runs on one of the recommended pair.
  if (verdict === 'incompatible') return wontInstall(result.explanation);
  return RECOMMENDED_PLATFORMS.every((p) => platforms.includes(p))
    ? works(`Published for ${andList(RECOMMENDED_PLATFORMS)}, the platforms Docker Desktop runs on`)
    : unknown("This machine's platform is not known");
}

const failing = (f: HostBinaryFinding): boolean => f.state === 'wrong-cpu' || f.state === 'missing';

/**
 * A warning-only cell (Windows in linux/arm64) on a Windows-on-Arm machine: a missing binary fails there, while
 * an x86 build runs under Windows 11's emulation.
 */
const emulated = (f: HostBinaryFinding): boolean =>
  f.warningOnly && f.state === 'wrong-cpu' && (f.found === 'x86_64' || f.found === 'i386');

/** The host binaries that fail on this machine: this OS, this machine's variant. */
export function failingHere(findings: readonly HostBinaryFinding[], machine: ThisMachine): HostBinaryFinding[] {
  if (machine.platform === undefined || machine.os === undefined) return [];
  return findings.filter(
    (f) => f.os === machine.os && normalisedVariant(f.platform) === machine.platform && failing(f) && !emulated(f),
  );
}

/** One short sentence about a host binary that fails on this machine. */
export function helperProblem(f: HostBinaryFinding): string {
  const helper = `Its ${OS_NAMES[f.os]} helper ${f.path}`;
  if (f.state === 'missing') return `${helper} is missing from this machine's build`;
  if (f.found !== undefined && f.found.includes('('))
    return `${helper} is a ${f.found} program, which ${OS_NAMES[f.os]} cannot run`;
  const found = f.found === undefined ? 'another CPU' : f.found;
  return `${helper} is built for ${found}${f.wanted === undefined ? '' : `; this machine needs ${f.wanted}`}`;
}

/** A backend image that cannot start here, or whose platforms nobody could read: why, else undefined. */
export function backendProblem(
  b: Pick<BackendImageFinding, 'self' | 'verdict' | 'platforms' | 'reference'>,
  here: PlatformKey,
): { readonly answer: 'broken' | 'unknown'; readonly reason: string } | undefined {
  if (b.self) return undefined;
  const list = VERDICT_TABLE[b.verdict].platformList;
  const has = b.platforms.map(normalisedVariant).includes(here);
  if (list === 'complete' && !has)
    return { answer: 'broken', reason: `Its backend image ${b.reference} is not published for this machine (${here})` };
  if (list !== 'complete' && !has)
    return { answer: 'unknown', reason: `The platforms of its backend image ${b.reference} could not be read` };
  return undefined;
}

/** The deep check's note on this machine's variant, when it says why nothing in it was checked. */
export function noteOnVariant(notes: readonly string[], here: PlatformKey): string | undefined {
  return notes.find((note) => note.startsWith(`${here}: `))?.slice(here.length + 2);
}

/** Why this machine's variant has no findings: no metadata.json, an unreadable one, or not read at all. */
function unreadVariant(notes: readonly string[], here: PlatformKey): string {
  const note = noteOnVariant(notes, here) ?? '';
  if (note.includes('no /metadata.json')) return 'It has no metadata.json, so nothing inside was checked';
  if (note.includes('metadata.json')) return 'Its metadata.json could not be read, so nothing inside was checked';
  return `This machine's build (${here}) was not checked inside`;
}

/** What the deep check found, for this machine, once the platforms say it installs here. */
function insideAnswer(result: DeepCheckResult, machine: ThisMachine, platform: MachineAnswer): MachineAnswer {
  const deep = result.deep;
  if (deep.status === 'not-checked') return unknown('What is inside could not be checked');
  if (deepVerdictWithoutHost(result)) return unknown('What is inside could not be judged for this machine');
  const here = machine.platform;
  if (here === undefined) {
    const anyFailing = deep.hostBinaries.some((f) => failing(f) && !f.warningOnly);
    const anyBackend = deep.backend.some((b) => backendLacks(b).length > 0);
    return anyFailing || anyBackend ? unknown("This machine's platform is not known") : platform;
  }
  if (!deep.variants.map(normalisedVariant).includes(here)) return unknown(unreadVariant(deep.notes, here));
  if (machine.os === undefined && deep.hostBinaries.some((f) => normalisedVariant(f.platform) === here && failing(f)))
    return unknown("A helper in this machine's build is wrong for some computers, and this machine's OS is not known");
  const wrong = failingHere(deep.hostBinaries, machine)[0];
  if (wrong !== undefined) return broken(helperProblem(wrong));
  const backends = deep.backend.map((b) => backendProblem(b, here)).filter((p) => p !== undefined);
  const backend = backends.find((p) => p.answer === 'broken') ?? backends[0];
  if (backend !== undefined) return backend.answer === 'broken' ? broken(backend.reason) : unknown(backend.reason);
  const parts = deep.hostBinaries.length + deep.backend.length > 0 ? ', and its parts for this machine are right' : '';
  return works(`${platform.reason.replace(/\.$/, '')}${parts}`);
}

/** THE answer for this machine: see the rule at the top of this file. */
export function answerForThisMachine(result: InspectResult, machine: ThisMachine): MachineAnswer {
  const platformVerdict = hasDeepParts(result) ? result.platformVerdict : result.verdict;
  const platform = platformAnswer(result, platformVerdict, machine);
  if (platform.answer !== 'works') return platform;
  if (hasDeepParts(result)) return insideAnswer(result, machine, platform);
  // A deep verdict without its findings (a row read back without them): which hosts it hits is not known.
  if (isDeepVerdict(result.verdict)) return unknown('What is inside could not be judged for this machine');
  return platform;
}
