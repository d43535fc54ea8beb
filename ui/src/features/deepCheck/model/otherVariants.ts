/**
 * This machine's variant and the others. An installed extension's deep check reads only this machine's
 * variant from the engine's local store (nothing downloaded); the details offer the variants it did not
 * read, with what reading them downloads, and fold their findings in when the user asks for them. Also
 * what a row says when the local store could not be read (no download happens without asking). Pure.
 */
import { formatBytes, nothingWrongExplanation, verdictRank } from '@core/index.js';
import type { InspectResult, ReadScope } from '@core/index.js';
import type { DeepSource, LocalItemError } from '@wire/backendApi.js';
import type { DeepFindings } from './deepFindings';

/** Where a row's deep check reads from: an installed extension's own copy, or the registry for a typed reference. */
export const sourceForOrigin = (origin: 'installed' | 'typed'): DeepSource =>
  origin === 'installed' ? 'local' : 'registry';

/** The variants a check did not read, and what reading them from the registry downloads. */
export interface OtherVariantsOffer {
  readonly platforms: readonly string[];
  /** The sum of their compressed layers; undefined when one of them has no known size. */
  readonly bytes: number | undefined;
  /** "Check linux/arm64 too: 9.7 MiB from the registry". */
  readonly text: string;
}

/** The offer for a finished check, or undefined when every variant was read. */
export function otherVariantsOffer(findings: DeepFindings): OtherVariantsOffer | undefined {
  if (findings.status !== 'checked' || findings.notRead.length === 0) return undefined;
  const platforms = findings.notRead.map((v) => v.platform);
  const sizes = findings.notRead.map((v) => v.bytesTotal);
  const bytes = sizes.every((b): b is number => b !== null) ? sizes.reduce((a, b) => a + b, 0) : undefined;
  const size = bytes === undefined ? 'size unknown' : formatBytes(bytes);
  return { platforms, bytes, text: `Check ${platforms.join(' and ')} too: ${size} from the registry` };
}

/**
 * What a finished check read, for the core's words about it: each variant with where its host binaries
 * say it was read (a variant without any: the check's source), and the variants not read.
 */
export function readScopeOfFindings(findings: DeepFindings): ReadScope {
  return {
    read: findings.variants.map((platform) => ({
      platform,
      source: findings.hostBinaries.find((b) => b.platform === platform)?.source ?? findings.source,
    })),
    notRead: findings.notRead.map((v) => v.platform),
  };
}

/** A "Not read: linux/arm64, ... (...)" note whose variants have all been read since. */
function saysReadNow(note: string, variants: readonly string[]): boolean {
  const named = /^Not read: ([^(]+) \(/.exec(note)?.[1];
  return named !== undefined && named.split(', ').every((platform) => variants.includes(platform));
}

/**
 * This machine's findings with another read's findings (the other variants, from the registry): every
 * host binary of both, the worse verdict with its message and fix, and only the variants still not read.
 */
export function foldOtherVariants(base: DeepFindings, other: DeepFindings): DeepFindings {
  if (other.status !== 'checked') return base;
  const read = new Set(other.variants);
  const worse =
    other.verdict !== null && (base.verdict === null || verdictRank(other.verdict) < verdictRank(base.verdict))
      ? other
      : base;
  const registry = other.hostBinaries.map((b) => ({ ...b, source: b.source ?? other.source }));
  const mine = base.hostBinaries.map((b) => ({ ...b, source: b.source ?? base.source }));
  const variants = [...new Set([...base.variants, ...other.variants])];
  const hostBinaries = [...mine, ...registry.filter((b) => !base.variants.includes(b.platform))];
  const notRead = base.notRead.filter((v) => !read.has(v.platform));
  const warnings = base.warnings + other.warnings;
  // Nothing wrong in either read: the core words it again for what both read together.
  const scope: ReadScope = {
    read: variants.map((platform) => ({
      platform,
      source: base.variants.includes(platform) ? base.source : other.source,
    })),
    notRead: notRead.map((v) => v.platform),
  };
  const message =
    worse.verdict === null && (hostBinaries.length > 0 || base.backend.length > 0)
      ? nothingWrongExplanation(scope, { hostBinaries: hostBinaries.length, warnings, backends: base.backend })
      : worse.message;
  return {
    ...base,
    verdict: worse.verdict,
    message,
    fix: worse.fix,
    warnings,
    variants,
    notes: [...new Set([...base.notes, ...other.notes])].filter((note) => !saysReadNow(note, variants)),
    bytesRead: base.bytesRead + other.bytesRead,
    bytesTotal: base.bytesTotal + other.bytesTotal,
    hostBinaries,
    notRead,
  };
}

/** What the row says when this machine's copy could not be read: plain words, and that nothing was downloaded. */
export function localFailureText(reason: LocalItemError): string {
  return reason === 'local-unavailable'
    ? "Not checked inside: Docker's engine could not be read from here, so this machine's copy was not opened. Nothing was downloaded."
    : "Not checked inside: this machine's engine no longer holds this image. Nothing was downloaded.";
}

/** The offer to read the image from the registry instead, with its size first when the platform result knows it. */
export function registryFallbackText(result: InspectResult | undefined): string {
  const bytes = result?.manifest?.size?.layerBytes;
  return bytes === undefined
    ? 'Read it from the registry instead (downloads its layers; the bytes show as they come)'
    : `Read it from the registry instead: ${formatBytes(bytes)}`;
}
