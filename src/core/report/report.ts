/**
 * One report of a run, whatever its format: the checked images (each its result, its validation findings
 * and, when read, its metadata.json text), the requirement, where the platforms were read, and the
 * --fail-on threshold over its findings. Pure.
 */
import type { HostOs } from '../inside/types.js';
import { platformKey } from '../platform.js';
import type { ThisMachine } from '../thisMachineWords.js';
import type { InspectResult, Platform, PlatformKey, Verdict } from '../types.js';
import { verdictRank } from '../verdictTable.js';
import { findingsOf, type ReportFinding } from './findings.js';
import type { FindingLevel } from './rules.js';

/** How the platforms of the images were read. */
export const PLATFORM_SOURCES = ['buildx', 'manifest-inspect', 'registry-api'] as const;
export type PlatformSource = (typeof PLATFORM_SOURCES)[number];

export const PLATFORM_SOURCE_WORDS: Readonly<Record<PlatformSource, string>> = {
  buildx: 'docker buildx imagetools inspect',
  'manifest-inspect': 'docker manifest inspect (docker buildx is missing)',
  'registry-api': "the registries' HTTP API, with the logins in DOCKER_CONFIG (no docker CLI here)",
};

export interface ReportImage {
  readonly result: InspectResult;
  /** The findings of docker extension validate's rules (--validate); undefined when not asked. */
  readonly validation?: readonly ReportFinding[];
  /** The image's /metadata.json as read, when it was: findings point at its lines. */
  readonly metadataText?: string;
}

export interface Report {
  readonly images: readonly ReportImage[];
  readonly required: readonly PlatformKey[];
  readonly host?: Platform;
  /** The OS the report was made on (whose host binaries matter here); absent when unknown. */
  readonly hostOs?: HostOs;
  readonly platformSource: PlatformSource;
  /** The tool's version, for SARIF's driver. */
  readonly version: string;
}

/** The machine a report's this-machine answers are for: its host platform and OS. */
export function reportMachine(report: Pick<Report, 'host' | 'hostOs'>): ThisMachine {
  return {
    ...(report.host !== undefined ? { platform: platformKey(report.host) } : {}),
    ...(report.hostOs !== undefined ? { os: report.hostOs } : {}),
  };
}

/** Every finding of one image: its verdict and deep findings (core/report/findings.ts), then its validation's. */
export function imageFindings(image: ReportImage, host?: Platform): ReportFinding[] {
  return [...findingsOf(image.result, host), ...(image.validation ?? [])];
}

/** The worst verdict (by the verdict table's rank), undefined for no image. */
export function worstVerdict(results: readonly Pick<InspectResult, 'verdict'>[]): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const r of results) if (worst === undefined || verdictRank(r.verdict) < verdictRank(worst)) worst = r.verdict;
  return worst;
}

/** --fail-on: the lowest level of finding that fails the run; `never` fails on none. */
export const FAIL_ON_VALUES = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

const LEVEL_RANK: Readonly<Record<FindingLevel, number>> = { error: 3, warning: 2, note: 1 };
const THRESHOLD_RANK: Readonly<Record<FailOn, number>> = { error: 3, warning: 2, info: 1, never: Infinity };

/**
 * The findings that fail the run. With a threshold: every finding at or above it (a verdict's finding has
 * its severity: `info` is SARIF's note). Without one: only the validation's errors, as
 * `docker extension validate` fails on them (verdicts gate through --require).
 */
export function failingFindings(findings: readonly ReportFinding[], failOn: FailOn | undefined): ReportFinding[] {
  if (failOn === undefined) return findings.filter((f) => f.ruleId.startsWith('validate/') && f.level === 'error');
  return findings.filter((f) => LEVEL_RANK[f.level] >= THRESHOLD_RANK[failOn]);
}
