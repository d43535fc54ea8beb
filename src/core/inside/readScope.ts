/**
 * What a deep check read: which variants, from where (this machine's engine or a registry), and which
 * listed variants it left unread. A result that finds nothing wrong says what it is about from this,
 * in one place for the CLI, the backend and the tab:
 * - every listed variant read, not only from the local store: "match every variant";
 * - only the engine's local copy read: "are right for this machine (linux/amd64)";
 * - some variants left unread: "are right for linux/arm64" (the variants read). Pure.
 */
import type { PlatformKey } from '../types.js';
import type { VariantSource } from './types.js';

/** One variant whose files were read; `source` absent: a registry. */
export interface VariantRead {
  readonly platform: PlatformKey;
  readonly source?: VariantSource;
}

export interface ReadScope {
  readonly read: readonly VariantRead[];
  /** The listed linux variants that were not read (e.g. the others, when only this machine's was asked for). */
  readonly notRead: readonly PlatformKey[];
}

/** True when something was read and all of it came from this machine's engine. */
export function readOnlyThisMachine(scope: ReadScope): boolean {
  return scope.read.length > 0 && scope.read.every((v) => v.source === 'local');
}

/** "this machine (linux/amd64)" when only the local copy was read; otherwise the variants read, "linux/amd64 and linux/arm64". */
export function readScopeText(scope: ReadScope): string {
  const variants = scope.read.map((v) => v.platform).join(' and ');
  return readOnlyThisMachine(scope) ? `this machine (${variants})` : variants;
}

/** The first sentence of a deep check that found nothing wrong; no scope: every variant was read. */
export function nothingWrongSentence(scope: ReadScope | undefined): string {
  if (scope === undefined || scope.read.length === 0 || (scope.notRead.length === 0 && !readOnlyThisMachine(scope)))
    return 'Host binaries and backend images match every variant.';
  return `Host binaries and backend images are right for ${readScopeText(scope)}.`;
}
