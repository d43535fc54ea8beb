/**
 * Which file each wanted path is in an image, decided from tar headers fed TOP LAYER FIRST.
 *
 * The image's file system is its layers applied bottom-up, so read top-down the first visible
 * entry at a path wins. `DIR/.wh.NAME` deletes DIR/NAME from the layers below; `DIR/.wh..wh..opq`
 * hides everything below DIR in lower layers; a non-directory hides everything under it below.
 * Whiteouts in a layer act only on the layers under it, so they take effect at the end of that layer.
 *
 * Pure: the reader (src/registry) streams the tar, asks `entry()` what to read, hands the bytes to
 * `content()`, calls `endLayer()` after each layer and stops as soon as `settled()` is true.
 */
import { addHiding, emptyHiding, hidingAncestor, noteWhiteout } from './layerHiding.js';
import { otherEntry, regularFile, type TarHeaderLike } from './tarHeaders.js';
import {
  baseName,
  isRegular,
  isUnder,
  normaliseTarPath,
  typeName,
  wantedPathProblem,
  WHITEOUT_PREFIX,
} from './tarPaths.js';
import type { FoundFile, WantedPath } from './types.js';

export { normaliseTarPath, wantedPathProblem } from './tarPaths.js';
export type { TarHeaderLike } from './tarHeaders.js';

export interface LayerFilesLimits {
  /** Bytes kept from the start of a file (default 4 KiB). */
  readonly headBytes: number;
  /** Entries kept for a wanted directory (default 64); more settles it as listed so far. */
  readonly maxDirEntries: number;
}

export const DEFAULT_HEAD_BYTES = 4096;
export const DEFAULT_MAX_DIR_ENTRIES = 64;
/** The largest `maxBytes` a wanted path may ask for (a whole metadata.json or compose file). */
export const MAX_WHOLE_FILE_BYTES = 1024 * 1024;

/** What the reader should do with the entry it just announced. */
export type EntryDecision =
  { readonly read: false } | { readonly read: true; readonly path: string; readonly maxBytes: number };

export interface LayerFiles {
  entry(header: TarHeaderLike): EntryDecision;
  /** The first bytes of the entry `entry()` asked to read (at most the decision's maxBytes). */
  content(path: string, bytes: Uint8Array): void;
  endLayer(): void;
  /** True once every wanted path is decided: lower layers need not be read. */
  settled(): boolean;
  /** Wanted paths not decided yet (what a failed read leaves unknown). */
  pending(): readonly string[];
  /** The answer per wanted path; paths still open after the last layer are missing (or listed directories). */
  finish(): ReadonlyMap<string, FoundFile>;
}

type Slot =
  | { readonly state: 'open' }
  | { readonly state: 'reading'; readonly file: Omit<Extract<FoundFile, { kind: 'file' }>, 'head'> }
  | {
      readonly state: 'directory';
      readonly entries: Map<string, FoundFile>;
      readonly reading: Set<string>;
      truncated: boolean;
    }
  | { readonly state: 'done'; readonly found: FoundFile };

export function createLayerFiles(wanted: readonly WantedPath[], limits: Partial<LayerFilesLimits> = {}): LayerFiles {
  const headBytes = limits.headBytes ?? DEFAULT_HEAD_BYTES;
  const maxDirEntries = limits.maxDirEntries ?? DEFAULT_MAX_DIR_ENTRIES;
  const slots = new Map<string, Slot>();
  const maxBytesOf = new Map<string, number>();
  for (const w of wanted) {
    const problem = wantedPathProblem(w.path);
    if (problem !== undefined) {
      slots.set(w.path, {
        state: 'done',
        found: { kind: 'unreadable', path: w.path, reason: `wanted path ${problem}` },
      });
      continue;
    }
    slots.set(w.path, { state: 'open' });
    maxBytesOf.set(w.path, Math.max(1, Math.min(w.maxBytes ?? headBytes, Math.max(headBytes, MAX_WHOLE_FILE_BYTES))));
  }
  /** Hiding decided by the layers above the current one. */
  const above = emptyHiding();
  /** Hiding this layer adds for the layers below it. */
  let layer = emptyHiding();
  /** Paths seen in layers above (and this one): top-most wins. */
  const seenAbove = new Set<string>();
  const seenHere = new Set<string>();

  const wantedPaths = [...slots.keys()].filter((p) => slots.get(p)?.state === 'open');
  const relevant = (p: string): boolean => wantedPaths.some((w) => w === p || isUnder(w, p) || isUnder(p, w));

  /** Hidden by the layers above: deleted, under an opaque directory, or under a non-directory. */
  const hiddenAbove = (p: string): boolean =>
    above.deleted.has(p) || seenAbove.has(p) || hidingAncestor(above, p) !== undefined;

  const settle = (path: string, found: FoundFile): void => {
    slots.set(path, { state: 'done', found });
  };

  /** The wanted directory that `p` lies under and still collects entries, if any. */
  const collectingDir = (p: string): string | undefined =>
    wantedPaths.find((w) => slots.get(w)?.state === 'directory' && isUnder(p, w));

  const becomeDirectory = (w: string): void => {
    const slot = slots.get(w);
    if (slot?.state === 'open')
      slots.set(w, { state: 'directory', entries: new Map(), reading: new Set(), truncated: false });
  };

  const entry = (header: TarHeaderLike): EntryDecision => {
    const skip: EntryDecision = { read: false };
    const p = normaliseTarPath(header.name);
    if (p === undefined) return skip;
    if (baseName(p).startsWith(WHITEOUT_PREFIX)) {
      noteWhiteout(layer, p, relevant);
      return skip;
    }
    if (!relevant(p)) return skip;
    if (hiddenAbove(p)) return skip;
    seenHere.add(p);
    const type = typeName(header.type);
    if (type !== 'directory') layer.nonDirs.add(p);
    // Any visible entry under a wanted path makes that path a directory.
    for (const w of wantedPaths) if (isUnder(p, w)) becomeDirectory(w);
    const slot = slots.get(p);
    if (slot !== undefined && slot.state === 'open') {
      if (type === 'directory') {
        becomeDirectory(p);
        return skip;
      }
      if (isRegular(header.type)) {
        slots.set(p, { state: 'reading', file: regularFile(p, header) });
        return { read: true, path: p, maxBytes: maxBytesOf.get(p) ?? headBytes };
      }
      settle(p, otherEntry(p, header));
      return skip;
    }
    const dir = collectingDir(p);
    if (dir === undefined || type === 'directory') return skip;
    const listing = slots.get(dir);
    if (listing?.state !== 'directory' || listing.entries.has(p)) return skip;
    if (listing.entries.size >= maxDirEntries) {
      listing.truncated = true;
      return skip;
    }
    if (isRegular(header.type)) {
      listing.entries.set(p, { ...regularFile(p, header), head: new Uint8Array() });
      listing.reading.add(p);
      return { read: true, path: p, maxBytes: headBytes };
    }
    listing.entries.set(p, otherEntry(p, header));
    return skip;
  };

  const content = (path: string, bytes: Uint8Array): void => {
    const slot = slots.get(path);
    if (slot?.state === 'reading') {
      settle(path, { ...slot.file, head: bytes.slice(0, maxBytesOf.get(path) ?? headBytes) });
      return;
    }
    const dir = collectingDir(path);
    const listing = dir === undefined ? undefined : slots.get(dir);
    if (listing?.state !== 'directory' || !listing.reading.has(path)) return;
    const file = listing.entries.get(path);
    if (file?.kind === 'file') listing.entries.set(path, { ...file, head: bytes.slice(0, headBytes) });
    listing.reading.delete(path);
  };

  const listed = (slot: Extract<Slot, { state: 'directory' }>, path: string): FoundFile => ({
    kind: 'directory',
    path,
    entries: [...slot.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  });

  const endLayer = (): void => {
    for (const s of seenHere) seenAbove.add(s);
    seenHere.clear();
    addHiding(above, layer);
    layer = emptyHiding();
    for (const w of wantedPaths) {
      const slot = slots.get(w);
      if (slot === undefined) continue;
      const selfDeleted = above.deleted.has(w);
      const ancestorHidden = hidingAncestor(above, w);
      if (slot.state === 'open' && (selfDeleted || ancestorHidden !== undefined)) {
        const whitedOut = selfDeleted || (ancestorHidden !== undefined && !above.nonDirs.has(ancestorHidden));
        settle(w, { kind: 'missing', path: w, whitedOut });
      } else if (
        slot.state === 'directory' &&
        (slot.truncated || above.opaque.has(w) || selfDeleted || ancestorHidden !== undefined)
      ) {
        settle(w, listed(slot, w));
      }
    }
  };

  const settled = (): boolean => [...slots.values()].every((s) => s.state === 'done');

  const pending = (): readonly string[] => [...slots].filter(([, s]) => s.state !== 'done').map(([p]) => p);

  const finish = (): ReadonlyMap<string, FoundFile> => {
    const out = new Map<string, FoundFile>();
    for (const [path, slot] of slots) {
      if (slot.state === 'done') out.set(path, slot.found);
      else if (slot.state === 'directory') out.set(path, listed(slot, path));
      else if (slot.state === 'reading') out.set(path, { ...slot.file, head: new Uint8Array() });
      else out.set(path, { kind: 'missing', path, whitedOut: false });
    }
    return out;
  };

  return { entry, content, endLayer, settled, pending, finish };
}
