/**
 * A result's findings split by whom they concern: this machine (what makes its answer), other machines
 * (another OS's host binary, another variant, Windows on arm64, platforms this machine does not need) and
 * the publisher (the build command, the deep check's fix, what was read and where from). The tab's details
 * show the three parts; the CLI prints the first. Pure; one sentence per finding, each said once.
 */
import { backendLacks } from './inside/deepOutcome.js';
import { hasDeepParts } from './inside/deepResult.js';
import { OS_NAMES, hostsOf } from './inside/hostBinaryText.js';
import type { HostBinaryFinding } from './inside/types.js';
import { normalisedVariant, variantCpu } from './inside/variantCpu.js';
import { RECOMMENDED_PLATFORMS } from './platform.js';
import { backendProblem, failingHere, helperProblem, noteOnVariant } from './thisMachine.js';
import { andList, notCheckedWhy, sentence, type ThisMachine } from './thisMachineWords.js';
import type { InspectResult } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

export interface PublisherPart {
  /** What only the publisher can do, each shown as a command block: the build command, the deep check's fix. */
  readonly fixes: readonly string[];
  /** One sentence each: where the platforms and the inside were read, what was read, the deep check's notes. */
  readonly notes: readonly string[];
}

export interface MachineFindings {
  /** What touches this machine, one sentence each (empty when nothing does). */
  readonly thisMachine: readonly string[];
  /** What does not touch this machine, one sentence each. */
  readonly otherMachines: readonly string[];
  readonly publisher: PublisherPart;
}

/** "Apple-silicon Macs", "x64 Windows", "arm64 Linux hosts": who gets this variant's binaries for this OS. */
function whoGets(f: HostBinaryFinding): string {
  const cpu = variantCpu(f.platform);
  return cpu === undefined ? `${OS_NAMES[f.os]} (${f.platform} build)` : hostsOf(f.os, cpu);
}

/** One sentence about a host binary that fails on other machines. */
function otherHelper(f: HostBinaryFinding): string {
  const what =
    f.state === 'missing'
      ? `its ${OS_NAMES[f.os]} helper ${f.path} is missing from the ${f.platform} build`
      : `its ${OS_NAMES[f.os]} helper ${f.path} is built for ${f.found ?? 'another CPU'}${f.wanted === undefined ? '' : `, not ${f.wanted}`}`;
  const warning = f.warningOnly ? " (only a warning: Docker's own pattern ships Windows helpers for amd64 only)" : '';
  return sentence(`${whoGets(f)}: ${what}${warning}`);
}

/** The recommended platforms not published that this machine does not need. */
function platformsOthersLack(result: InspectResult, machine: ThisMachine): string[] {
  if (VERDICT_TABLE[result.verdict].platformList !== 'complete') return [];
  const published = result.platforms.map(normalisedVariant);
  if (!published.some((p) => p.startsWith('linux/'))) return [];
  const lacking = RECOMMENDED_PLATFORMS.filter((p) => !published.includes(p) && p !== machine.platform);
  if (lacking.length === 0) return [];
  return [sentence(`Not published for ${andList(lacking)}: Docker Desktop will not install it on those machines`)];
}

function publisherPart(result: InspectResult): PublisherPart {
  const fixes: string[] = [];
  const build = result.publisherFix ?? result.fix;
  if (build !== undefined && build.startsWith('docker buildx build')) fixes.push(build);
  const notes: string[] = [];
  if (result.source === 'registry') notes.push('Platforms read from the registry.');
  if (result.source === 'local-store')
    notes.push("Platforms read from this machine's image store only: the registry did not serve this image.");
  if (hasDeepParts(result)) {
    const d = result.deep;
    if (d.fix !== undefined && !fixes.includes(d.fix)) fixes.push(d.fix);
    if (d.status === 'checked') {
      const local = d.hostBinaries.length > 0 && d.hostBinaries.every((f) => f.source === 'local');
      if (d.variants.length > 0)
        notes.push(
          `Inside read for ${andList(d.variants)}${local ? " from this machine's image store" : ' from the registry'}.`,
        );
      if (d.hostBinaries.length === 0 && d.backend.length === 0)
        notes.push('Only metadata.json was read: it lists no host binaries and no backend.');
      for (const f of d.hostBinaries.filter((b) => b.state === 'unreadable')) notes.push(sentence(f.message));
    }
    for (const note of d.notes) notes.push(sentence(note));
  }
  return { fixes, notes };
}

/** The findings of one result, split by whom they concern (see the top of this file). */
export function machineFindings(result: InspectResult, machine: ThisMachine): MachineFindings {
  const thisMachine: string[] = [];
  const otherMachines = platformsOthersLack(result, machine);
  if (hasDeepParts(result)) {
    const d = result.deep;
    if (d.status === 'not-checked') thisMachine.push(sentence(`Not checked inside: ${notCheckedWhy(d.explanation)}`));
    const here = machine.platform;
    const note = here === undefined ? undefined : noteOnVariant(d.notes, here);
    if (d.status === 'checked' && here !== undefined && !d.variants.map(normalisedVariant).includes(here))
      thisMachine.push(sentence(note ?? `This machine's build (${here}) was not checked inside`));
    const mine = failingHere(d.hostBinaries, machine);
    for (const f of mine) thisMachine.push(sentence(helperProblem(f)));
    for (const f of d.hostBinaries)
      if ((f.state === 'wrong-cpu' || f.state === 'missing') && !mine.includes(f)) otherMachines.push(otherHelper(f));
    for (const b of d.backend) {
      const problem = machine.platform === undefined ? undefined : backendProblem(b, machine.platform);
      if (problem !== undefined) thisMachine.push(sentence(problem.reason));
      const others = backendLacks(b).filter((p) => p !== machine.platform);
      if (others.length > 0)
        otherMachines.push(
          sentence(
            `Its backend image ${b.reference} lacks ${andList(others)}: Docker Desktop cannot start it on those machines`,
          ),
        );
    }
  }
  return { thisMachine, otherMachines, publisher: publisherPart(result) };
}
