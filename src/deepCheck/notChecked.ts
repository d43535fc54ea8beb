/**
 * The deep parts of an image whose files could not be read, saying plainly why and what to run: a
 * never-pushed local image, a registry that refused access (with the stored login in the CLI; in the
 * backend, which has no credentials, the `archmatrix --deep REF` command to run on the host), any other
 * failure of the index or of the reads.
 */
import {
  describeFailure,
  loginCommand,
  NOT_CHECKED_INSIDE,
  shellWord,
  type CommandFailure,
  type DeepParts,
  type InspectResult,
  type PlatformKey,
} from '../core/index.js';
import type { DeepCheckSite } from './ports.js';
import type { MetadataRead } from './variantReads.js';

/** What to run when the registry refused access. */
export function unauthorizedFix(reference: string, site: DeepCheckSite): string {
  // References are validated (no quotes needed), but never trust that.
  const run = `archmatrix --deep ${shellWord(reference)}`;
  return site === 'backend'
    ? `Run \`${run}\` on the host: it uses your docker login, which the extension's backend cannot see.`
    : `Run \`${loginCommand(reference)}\`, then \`${run}\` again.`;
}

export function notChecked(
  explanation: string,
  fix?: string,
  partial: Partial<Pick<DeepParts, 'bytesRead' | 'bytesTotal' | 'notes'>> = {},
): DeepParts {
  return {
    status: 'not-checked',
    verdict: NOT_CHECKED_INSIDE,
    explanation,
    ...(fix !== undefined ? { fix } : {}),
    warnings: 0,
    variants: [],
    hostBinaries: [],
    backend: [],
    notes: partial.notes ?? [],
    bytesRead: partial.bytesRead ?? 0,
    bytesTotal: partial.bytesTotal ?? 0,
  };
}

/** Why the platform check's result leaves nothing to read, or undefined when its index can be read. */
export function notCheckedForPlatform(result: InspectResult, site: DeepCheckSite): DeepParts | undefined {
  if (result.source === 'local-store') {
    return notChecked(
      'Never pushed: it is only in the local image store, so no registry can give its files and its host binaries and backend were not checked.',
      result.fix,
    );
  }
  if (result.verdict === 'unauthorized') {
    return notChecked(
      'unauthorized: the registry refused access, so its files were not checked.',
      unauthorizedFix(result.reference, site),
    );
  }
  if (result.failure !== undefined || result.manifest === undefined) {
    return notChecked(`Not checked: ${result.explanation}`, result.fix);
  }
  return undefined;
}

/** The deep parts when every read of the image failed. */
export function notCheckedForRead(
  reference: string,
  failure: CommandFailure,
  site: DeepCheckSite,
  bytes: Pick<DeepParts, 'bytesRead' | 'bytesTotal'>,
): DeepParts {
  switch (failure.kind) {
    case 'unauthorized':
      return notChecked(
        `unauthorized: the registry refused to give the image's files (${failure.message}).`,
        unauthorizedFix(reference, site),
        bytes,
      );
    case 'cancelled':
      return notChecked('Cancelled before its files were read.', undefined, bytes);
    case 'timeout':
      return notChecked(
        `Its files were not read before the per-image deadline (${failure.message}).`,
        describeFailure(failure),
        bytes,
      );
    case 'not-found':
    case 'rate-limited':
    case 'unreachable':
      return notChecked(`Its files could not be read: ${failure.message}`, describeFailure(failure), bytes);
    default:
      return notChecked(`Its files could not be read: ${failure.message}`, undefined, bytes);
  }
}

type Unchecked = Extract<MetadataRead, { readonly kind: 'unread' } | { readonly kind: 'failed' }>;

/** The sentence saying why a variant was not checked. */
export function uncheckedNote(read: Unchecked): string {
  return read.kind === 'unread'
    ? read.note
    : `${read.variant.platform}: its files could not be read (${read.failure.message}); nothing was checked in this variant`;
}

/** One sentence per variant whose metadata.json was not judged, and the ignored parts of those that were. */
export function metadataNotes(reads: readonly MetadataRead[]): string[] {
  return reads.flatMap((m) => {
    if (m.kind === 'metadata') return m.metadata.ignored.map((text) => `${m.variant.platform}: ${text}`);
    return m.kind === 'problem' ? [m.note] : [uncheckedNote(m)];
  });
}

/** The deep parts when no variant could be checked: every read failed, or some metadata.json was not read. */
export function notCheckedForMetadata(
  reference: string,
  unchecked: readonly Unchecked[],
  site: DeepCheckSite,
  partial: Pick<DeepParts, 'bytesRead' | 'bytesTotal' | 'notes'>,
): DeepParts {
  const unread = unchecked.find((m) => m.kind === 'unread');
  const failed = unchecked.find((m) => m.kind === 'failed');
  if (unread === undefined && failed !== undefined) {
    const { bytesRead, bytesTotal } = partial;
    return notCheckedForRead(reference, failed.failure, site, { bytesRead, bytesTotal });
  }
  return notChecked(`Not checked: ${unread !== undefined ? unread.note : 'no variant was read'}.`, undefined, partial);
}

/**
 * Why the image is not checked when some variants were read and judged and others not (`why`: one sentence per
 * variant not checked, the first is said), and where nothing wrong was found.
 */
export function partlyChecked(why: readonly string[], checked: readonly PlatformKey[]): string {
  const first = why[0] ?? 'a variant could not be read';
  return checked.length > 0
    ? `Not every variant was checked: ${first}. Nothing wrong was found in ${checked.join(' and ')}.`
    : `Not checked: ${first}.`;
}
