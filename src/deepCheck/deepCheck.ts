/**
 * The deep check of extension images (do the host binaries and backend images inside each platform
 * variant fit that platform?), end to end, above the command layer and the registry reader: the index
 * from the platform check → each runnable linux variant's /metadata.json → its listed host binaries and
 * compose file → judgeHostBinaries; the backend images → the normal platform check → decideDeepOutcome;
 * one DeepCheckResult whose verdict is the worse of the platform and deep verdicts. Progress in bytes, cancel, a
 * per-image deadline and byte cap, bounded concurrency. Never rejects: every problem is a finding, a note or a row.
 */
import pLimit from 'p-limit';
import { imageDeadline } from './imageDeadline.js';
import {
  withDeepParts,
  decideDeepOutcome,
  judgeHostBinaries,
  NOT_CHECKED_INSIDE,
  parseReference,
  type DeepCheckResult,
  type DeepParts,
  type ExtensionMetadata,
  type InspectResult,
  type PlatformKey,
  type VariantFiles,
} from '../core/index.js';
import { excerpt } from '../core/json.js';
import { checkBackends, planBackends } from './backendChecks.js';
import {
  metadataNotes,
  notChecked,
  notCheckedForMetadata,
  notCheckedForPlatform,
  partlyChecked,
  uncheckedNote,
} from './notChecked.js';
import { localOnlyReads } from './localOnly.js';
import type { DeepCheckDeps } from './ports.js';
import {
  leftUnchecked,
  readListedFiles,
  readMetadata,
  readScopeOf,
  totalOf,
  type ByteCount,
  type MetadataRead,
  type ReadContext,
} from './variantReads.js';
import { chooseVariants, linuxVariants, withSources } from './variants.js';

export interface DeepProgress {
  readonly reference: string;
  readonly phase: 'index' | 'metadata' | 'files' | 'backend' | 'done';
  /** Compressed bytes downloaded so far for this image, and the sum of its variants' layer sizes known so far. */
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface DeepCheckOptions {
  readonly signal?: AbortSignal;
  /** For the whole deep check of one image (index, every read, backend checks). Default 120 s. */
  readonly deadlineMs?: number;
  /** Compressed bytes downloaded per image, all its reads together (they run at once): past it, reads stop. Default 256 MiB. */
  readonly maxBytes?: number;
  readonly onProgress?: (progress: DeepProgress) => void;
  /**
   * Read only the linux variants of these platforms (e.g. this machine's, from the local image store);
   * the others are named in a note as not read. Default: every linux variant.
   */
  readonly platforms?: readonly PlatformKey[];
}
export const DEFAULT_DEEP_DEADLINE_MS = 120_000;
export const DEFAULT_DEEP_MAX_BYTES = 256 * 1024 * 1024;

/** One line of at most 200 characters: never a stack trace, never a wall of text from a thrown value. */
const settledMessage = (error: unknown): string =>
  excerpt(error instanceof Error ? error.message : String(error), 200).trim();

/** The deep check of one image (its reference as listed or typed: untrusted). */
export async function deepCheck(
  reference: string,
  deps: DeepCheckDeps,
  options: DeepCheckOptions = {},
): Promise<DeepCheckResult> {
  const deadline = imageDeadline(options.deadlineMs ?? DEFAULT_DEEP_DEADLINE_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const bytes: ByteCount = {
    read: 0,
    totals: new Map<PlatformKey, number>(),
    budget: { downloaded: 0, max: options.maxBytes ?? DEFAULT_DEEP_MAX_BYTES },
  };
  const report = (phase: DeepProgress['phase']): void => {
    try {
      options.onProgress?.({ reference, phase, bytesRead: bytes.read, bytesTotal: totalOf(bytes) });
    } catch {
      // a listener's error must not stop the check
    }
  };
  report('index');
  const platform = await deps.platformCheck(reference, signal);
  try {
    const deep = await deepParts(reference, platform, deps, {
      signal,
      cancel: options.signal,
      deadline,
      bytes,
      report,
      platforms: options.platforms,
    });
    report('done');
    return withDeepParts(platform, deep);
  } catch (error) {
    // Defensive: every step returns typed results, but a row must come back whatever happens.
    return withDeepParts(
      platform,
      notChecked(`The deep check failed: ${settledMessage(error)}`, undefined, {
        bytesRead: bytes.read,
        bytesTotal: totalOf(bytes),
      }),
    );
  }
}

interface Run {
  /** The caller's cancel and the deadline, for the platform checks. */
  readonly signal: AbortSignal;
  /** The caller's cancel alone, for the reads (which take the deadline apart, to tell a timeout from a cancel). */
  readonly cancel: AbortSignal | undefined;
  readonly deadline: AbortSignal;
  readonly bytes: ByteCount;
  readonly report: (phase: DeepProgress['phase']) => void;
  readonly platforms: readonly PlatformKey[] | undefined;
}

async function deepParts(
  reference: string,
  platform: InspectResult,
  deps: DeepCheckDeps,
  run: Run,
): Promise<DeepParts> {
  const localOnly = localOnlyReads(reference, platform, deps.reader);
  const before = localOnly === undefined ? notCheckedForPlatform(platform, deps.site) : undefined;
  if (before !== undefined) return before;
  const parsed = parseReference(reference);
  if (!parsed.ok) return notChecked(`Not checked: ${parsed.error.reason}`);
  const listed = localOnly?.variants ?? linuxVariants(platform);
  if (listed.length === 0)
    return notChecked(
      'Not checked: the index lists no linux variant, so there is no metadata.json to read.',
      platform.fix,
    );
  const chosen = chooseVariants(listed, run.platforms);
  if (!chosen.ok) return notChecked(chosen.explanation, platform.fix);
  const variants = chosen.variants;
  const ctx: ReadContext = {
    reader: localOnly?.reader ?? deps.reader,
    repo: { domain: parsed.value.domain, path: parsed.value.path },
    cancel: run.cancel,
    deadline: run.deadline,
    bytes: run.bytes,
    progress: () => run.report('files'),
  };
  const byteCounts = (): Pick<DeepParts, 'bytesRead' | 'bytesTotal'> => ({
    bytesRead: run.bytes.read,
    bytesTotal: totalOf(run.bytes),
  });

  run.report('metadata');
  const metadataReads: MetadataRead[] = await Promise.all(variants.map((v) => readMetadata(ctx, v)));
  const notes = [...chosen.notes, ...metadataNotes(metadataReads)];
  const unchecked = metadataReads.filter(leftUnchecked);
  // Only when no variant could be checked: one that failed never hides what the others hold.
  if (unchecked.length === metadataReads.length)
    return notCheckedForMetadata(reference, unchecked, deps.site, { notes, ...byteCounts() });

  run.report('files');
  const withMetadata = metadataReads.filter(
    (m): m is Extract<MetadataRead, { kind: 'metadata' }> => m.kind === 'metadata',
  );
  const read = await Promise.all(
    withMetadata.map(async (m) => ({
      variant: m.variant,
      metadata: m.metadata,
      files: await readListedFiles(ctx, m.variant, m.metadata),
    })),
  );
  const metadataPerVariant = new Map<PlatformKey, ExtensionMetadata>(read.map((r) => [r.variant.platform, r.metadata]));
  const filesPerVariant = new Map<PlatformKey, VariantFiles>(read.map((r) => [r.variant.platform, r.files]));
  const hostBinaries = withSources(judgeHostBinaries(metadataPerVariant, filesPerVariant), filesPerVariant);

  run.report('backend');
  const plan = planBackends(read);
  notes.push(...plan.notes);
  const backend = await checkBackends(plan.images, platform, deps.platformCheck, run.signal);
  const outcome = decideDeepOutcome(hostBinaries, backend, readScopeOf(metadataReads, listed));
  const nothingRead = withMetadata.length === 0;
  // Why each variant not checked was not: its metadata.json, or the compose file it names, could not be read.
  const whyUnchecked = [...unchecked.map(uncheckedNote), ...plan.unread.map((u) => u.note)];
  const notFully = new Set([...unchecked.map((m) => m.variant.platform), ...plan.unread.map((u) => u.platform)]);
  const checked = metadataReads.map((m) => m.variant.platform).filter((p) => !notFully.has(p));
  // A variant not checked leaves the image not checked, unless what the others hold is wrong anyway.
  const partial = whyUnchecked.length > 0 && outcome.verdict === undefined;
  const explanation = partial
    ? partlyChecked(whyUnchecked, checked)
    : nothingRead
      ? `${notes[0] ?? 'metadata.json could not be read'}. No host binaries or backend images were checked.`
      : outcome.explanation;
  const verdict = partial ? NOT_CHECKED_INSIDE : outcome.verdict;
  return {
    status: partial ? 'not-checked' : 'checked',
    ...(verdict !== undefined ? { verdict } : {}),
    explanation,
    ...(outcome.fix !== undefined ? { fix: outcome.fix } : {}),
    warnings: outcome.warnings,
    variants: read.map((r) => r.variant.platform),
    hostBinaries,
    backend,
    notes: [...new Set(notes)],
    ...byteCounts(),
  };
}

export interface DeepCheckManyOptions extends DeepCheckOptions {
  /** Images checked at once. Default 4. */
  readonly concurrency?: number;
  /** Called as each image is done, with its index in `references`. */
  readonly onResult?: (result: DeepCheckResult, index: number) => void;
}

export const DEFAULT_DEEP_CONCURRENCY = 4;

/** The deep check of many images, at most `concurrency` at a time, each with its own deadline and byte cap. */
export async function deepCheckMany(
  references: readonly string[],
  deps: DeepCheckDeps,
  options: DeepCheckManyOptions = {},
): Promise<DeepCheckResult[]> {
  const { concurrency = DEFAULT_DEEP_CONCURRENCY, onResult, ...one } = options;
  const limit = pLimit(Math.max(1, Math.floor(concurrency)));
  return Promise.all(
    references.map((reference, index) =>
      limit(async () => {
        const result = await deepCheck(reference, deps, one);
        try {
          onResult?.(result, index);
        } catch {
          // a listener's error must not stop the other images
        }
        return result;
      }),
    ),
  );
}
