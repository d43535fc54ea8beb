/**
 * The two reads per variant: /metadata.json alone first (an extension with nothing to check stops
 * there), then its listed host binaries and compose file (the reader's cache makes the second pass
 * over upper layers cheap). Keeps the image's byte count and its cap; never throws.
 */
import {
  MAX_COMPOSE_BYTES,
  MAX_METADATA_BYTES,
  leavesUnjudged,
  parseExtensionMetadata,
  type CommandFailure,
  type ExtensionMetadata,
  type FoundFile,
  type ImageBytes,
  type PlatformKey,
  type ReadScope,
  type Repository,
  type VariantFiles,
  type VariantSource,
  type WantedPath,
} from '../core/index.js';
import type { VariantFileReader } from './ports.js';
import type { Variant } from './variants.js';

export const METADATA_PATH = '/metadata.json';

/** Bytes of one image: what its reads downloaded, the sum of its variants' layers, and the budget all its reads share. */
export interface ByteCount {
  read: number;
  readonly totals: Map<PlatformKey, number>;
  readonly budget: ImageBytes;
}

export const totalOf = (count: ByteCount): number => [...count.totals.values()].reduce((a, b) => a + b, 0);

export interface ReadContext {
  readonly reader: VariantFileReader;
  readonly repo: Repository;
  /** The caller's cancel only: a read that ends at `deadline` must say timeout, not cancelled. */
  readonly cancel?: AbortSignal | undefined;
  /** The per-image deadline. */
  readonly deadline: AbortSignal;
  readonly bytes: ByteCount;
  readonly progress: () => void;
}

/** `source` on a read that got the variant's files: where they came from (absent: a registry). */
export type MetadataRead =
  | {
      readonly kind: 'metadata';
      readonly variant: Variant;
      readonly metadata: ExtensionMetadata;
      readonly source?: VariantSource;
    }
  /**
   * metadata.json absent, a directory, not JSON, not an object, of the wrong shape: Docker Desktop cannot use it
   * either, so nothing in this variant reaches a host. The variant is checked; a note says why nothing was judged.
   */
  | { readonly kind: 'problem'; readonly variant: Variant; readonly note: string; readonly source?: VariantSource }
  /**
   * metadata.json there but not read to the end here (a link, a device or hard link, cut short, past the size,
   * depth or host-binary limits, its layer unreadable): Docker Desktop may still use it, so the variant is NOT
   * checked.
   */
  | { readonly kind: 'unread'; readonly variant: Variant; readonly note: string }
  /** The variant's files could not be read at all (its manifest, the deadline, a cancel): NOT checked. */
  | { readonly kind: 'failed'; readonly variant: Variant; readonly failure: CommandFailure };

/** True for a read that leaves its variant not checked. */
export const leftUnchecked = (
  read: MetadataRead,
): read is Extract<MetadataRead, { readonly kind: 'unread' } | { readonly kind: 'failed' }> =>
  read.kind === 'unread' || read.kind === 'failed';

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
const overCap = (count: ByteCount): string =>
  `the image's byte cap (${size(count.budget.max)}) was reached before this was read`;

async function read(
  ctx: ReadContext,
  variant: Variant,
  wanted: readonly (string | WantedPath)[],
): Promise<VariantFiles | CommandFailure> {
  if (ctx.bytes.budget.downloaded >= ctx.bytes.budget.max) return { kind: 'error', message: overCap(ctx.bytes) };
  const got = await ctx.reader.readVariantFiles(ctx.repo, variant.digest, wanted, {
    platform: variant.platform,
    signal: ctx.cancel,
    deadline: ctx.deadline,
    budget: ctx.bytes.budget,
  });
  if (!got.ok) return got.error;
  ctx.bytes.read += got.value.bytesRead;
  ctx.bytes.totals.set(variant.platform, got.value.bytesTotal);
  ctx.progress();
  return got.value;
}

const isFiles = (value: VariantFiles | CommandFailure): value is VariantFiles => 'files' in value;

/**
 * The text of a whole small file that was read, or why there is none: `unread` when a file may be there whose
 * text the check did not get (a link, cut short, too large, unreadable), not when there is none to get.
 */
export function fileText(
  found: FoundFile | undefined,
  path: string,
  max: number,
): { ok: true; text: string } | { ok: false; why: string; unread: boolean } {
  const none = (why: string) => ({ ok: false, why, unread: false }) as const;
  const unread = (why: string) => ({ ok: false, why, unread: true }) as const;
  if (found === undefined) return unread(`${path} was not settled by the reader`);
  switch (found.kind) {
    case 'file':
      if (found.size > max)
        return unread(`${path} is ${found.size} bytes, more than the ${max / 1024 / 1024} MiB read`);
      if (found.head.byteLength < found.size)
        return unread(`${path} was read only in part (${found.head.byteLength} of ${found.size} bytes)`);
      return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(found.head) };
    case 'missing':
      return none(`there is no ${path}${found.whitedOut ? ' (deleted by a whiteout)' : ''}`);
    case 'unreadable':
      return unread(`${path} could not be read: ${found.reason}`);
    case 'directory':
      return none(`${path} is a directory`);
    case 'symlink':
      return unread(`${path} is a symbolic link (to ${found.target}), not followed`);
    case 'other':
      return unread(`${path} is a ${found.type}, not a file`);
  }
}

const problemNote = (variant: Variant, why: string, source: VariantSource | undefined): MetadataRead => ({
  kind: 'problem',
  variant,
  note: `${variant.platform}: ${why}, so no host binaries or backend were checked in this variant`,
  ...(source !== undefined ? { source } : {}),
});

const unreadNote = (variant: Variant, why: string): MetadataRead => ({
  kind: 'unread',
  variant,
  note: `${variant.platform}: ${why}, so this variant was not checked`,
});

export async function readMetadata(ctx: ReadContext, variant: Variant): Promise<MetadataRead> {
  const got = await read(ctx, variant, [{ path: METADATA_PATH, maxBytes: MAX_METADATA_BYTES }]);
  if (!isFiles(got)) return { kind: 'failed', variant, failure: got };
  const text = fileText(got.files.get(METADATA_PATH), METADATA_PATH, MAX_METADATA_BYTES);
  if (!text.ok) return text.unread ? unreadNote(variant, text.why) : problemNote(variant, text.why, got.source);
  const parsed = parseExtensionMetadata(text.text);
  if (!parsed.ok)
    return leavesUnjudged(parsed.error)
      ? unreadNote(variant, parsed.error.message)
      : problemNote(variant, parsed.error.message, got.source);
  return {
    kind: 'metadata',
    variant,
    metadata: parsed.value,
    ...(got.source !== undefined ? { source: got.source } : {}),
  };
}

/** What the check read (each settled variant, with where from) and the listed variants it did not ask for. */
export function readScopeOf(reads: readonly MetadataRead[], listed: readonly Variant[]): ReadScope {
  const asked = new Set(reads.map((r) => r.variant.platform));
  return {
    read: reads.flatMap((r) =>
      r.kind === 'metadata' || r.kind === 'problem'
        ? [{ platform: r.variant.platform, ...(r.source !== undefined ? { source: r.source } : {}) }]
        : [],
    ),
    notRead: listed.filter((v) => !asked.has(v.platform)).map((v) => v.platform),
  };
}

/** The listed host binaries and the compose file of one variant; a failed read makes each of them unreadable. */
export async function readListedFiles(
  ctx: ReadContext,
  variant: Variant,
  metadata: ExtensionMetadata,
): Promise<VariantFiles> {
  const paths = [...new Set(metadata.hostBinaries.map((b) => b.path))];
  const compose = metadata.vm?.composefile;
  const wanted: (string | WantedPath)[] = paths.filter((p) => p !== compose);
  if (compose !== undefined) wanted.push({ path: compose, maxBytes: MAX_COMPOSE_BYTES });
  const empty = {
    platform: variant.platform,
    digest: variant.digest,
    files: new Map<string, FoundFile>(),
    bytesRead: 0,
    bytesTotal: ctx.bytes.totals.get(variant.platform) ?? 0,
  };
  if (wanted.length === 0) return empty;
  const got = await read(ctx, variant, wanted);
  if (isFiles(got)) return got;
  const all = [...paths, ...(compose !== undefined ? [compose] : [])];
  return { ...empty, files: new Map(all.map((path) => [path, { kind: 'unreadable', path, reason: got.message }])) };
}
