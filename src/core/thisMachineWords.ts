/**
 * The this-machine answer's vocabulary: the four answers, this machine (its VM platform and its host OS),
 * and the words each front end shows for an answer. Pure; the rule that picks an answer is thisMachine.ts.
 */
import { hostPlatform, platformKey } from './platform.js';
import type { HostOs } from './inside/types.js';
import type { PlatformKey } from './types.js';
import type { Severity } from './verdictTable.js';

/**
 * One answer per extension for the machine that looks at it. The CLI's --json, the tab's
 * `data-this-machine` and the tests key on these exact strings:
 *  - works:            it installs and, as far as the checks read, runs here;
 *  - will-not-install: Docker Desktop will not install it here (this machine's platform is not published);
 *  - broken:           it installs, but a part of it for this machine fails (a host binary for this OS and
 *                      CPU, a backend image without this machine's platform);
 *  - unknown:          nobody could tell (the registry did not answer, the inside could not be read, ...).
 */
export const THIS_MACHINE_ANSWERS = ['works', 'will-not-install', 'broken', 'unknown'] as const;
export type ThisMachineAnswer = (typeof THIS_MACHINE_ANSWERS)[number];

/** The machine an answer is for: Docker Desktop's VM platform and the OS Docker Desktop runs on. */
export interface ThisMachine {
  /** linux/amd64 or linux/arm64 (the VM runs the host's CPU); absent when unknown. */
  readonly platform?: PlatformKey;
  /** The OS whose host binaries Docker Desktop copies out; absent when unknown. */
  readonly os?: HostOs;
}

/** An answer and why, in one short sentence for the person at this machine. */
export interface MachineAnswer {
  readonly answer: ThisMachineAnswer;
  readonly reason: string;
}

/** Node's process.platform (the CLI) or ddClient.host.platform (the tab) as a host OS: darwin, win32, linux. */
export function hostOsOf(nodePlatform: string | undefined): HostOs | undefined {
  const name = typeof nodePlatform === 'string' ? nodePlatform.trim().toLowerCase() : '';
  if (name === 'darwin') return 'darwin';
  if (name === 'win32' || name === 'windows') return 'windows';
  if (name === 'linux') return 'linux';
  return undefined;
}

/** This machine from Node's names for its CPU (os.arch(), ddClient.host.arch) and OS (process.platform). */
export function thisMachineOf(nodeArch: string | undefined, nodePlatform: string | undefined): ThisMachine {
  const platform = hostPlatform(nodeArch ?? '');
  const os = hostOsOf(nodePlatform);
  return {
    ...(platform !== undefined ? { platform: platformKey(platform) } : {}),
    ...(os !== undefined ? { os } : {}),
  };
}

/** How each front end says an answer: `label` for the tab's chip, `short` for the CLI's column. */
export const ANSWER_WORDS: Readonly<
  Record<ThisMachineAnswer, { readonly label: string; readonly short: string; readonly chip: string }>
> = {
  works: { label: 'Works here', short: 'works here', chip: 'Works' },
  'will-not-install': { label: "Won't install here", short: "won't install", chip: "Won't install" },
  broken: { label: 'Broken here', short: 'broken here', chip: 'Broken' },
  unknown: { label: 'Unknown', short: 'unknown', chip: 'Unknown' },
};

/** The colour of an answer, in the verdict table's severities. */
export const ANSWER_SEVERITY: Readonly<Record<ThisMachineAnswer, Severity>> = {
  works: 'ok',
  'will-not-install': 'error',
  broken: 'error',
  unknown: 'warning',
};

export const answerLabel = (answer: ThisMachineAnswer): string => ANSWER_WORDS[answer].label;
/** The answer in a row's chip, under a column headed "This machine": "Works", "Won't install", ... */
export const answerChip = (answer: ThisMachineAnswer): string => ANSWER_WORDS[answer].chip;

/** "1 missing platform", "2 missing platforms": a count with its noun, singular or plural. */
export const counted = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

/** "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The text of a deep explanation without a leading "Not checked:" (the row says "not checked" itself). */
export function notCheckedWhy(explanation: string): string {
  const why = explanation.replace(/^\s*not checked( inside)?\s*:\s*/i, '').trim();
  return why === '' ? explanation.trim() : why;
}

/** The text as a sentence: a capital first letter and a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
