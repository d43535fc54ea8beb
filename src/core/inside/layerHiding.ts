/**
 * What a layer hides from the layers below it: `DIR/.wh.NAME` deletes DIR/NAME (and everything under it),
 * `DIR/.wh..wh..opq` hides everything below DIR, and a non-directory hides everything under its path. Pure.
 */
import { ancestors, baseName, OPAQUE, parentOf, WHITEOUT_PREFIX } from './tarPaths.js';

export interface Hiding {
  /** Paths deleted (with everything under them) by a whiteout. */
  readonly deleted: Set<string>;
  /** Directories whose lower contents are hidden. */
  readonly opaque: Set<string>;
  /** Non-directories: everything under them in lower layers is hidden. */
  readonly nonDirs: Set<string>;
}

export const emptyHiding = (): Hiding => ({ deleted: new Set(), opaque: new Set(), nonDirs: new Set() });

/** The nearest ancestor of `path` that hides it (deleted, opaque or a non-directory), if any. */
export const hidingAncestor = (hiding: Hiding, path: string): string | undefined =>
  ancestors(path).find((a) => hiding.deleted.has(a) || hiding.opaque.has(a) || hiding.nonDirs.has(a));

/** Adds what `layer` hides to `into` (at the end of that layer: its whiteouts act only on the layers below). */
export function addHiding(into: Hiding, layer: Hiding): void {
  for (const d of layer.deleted) into.deleted.add(d);
  for (const o of layer.opaque) into.opaque.add(o);
  for (const n of layer.nonDirs) into.nonDirs.add(n);
}

/** Notes the whiteout entry at `path` in `layer`, when what it hides is `relevant` (a wanted path or near one). */
export function noteWhiteout(layer: Hiding, path: string, relevant: (p: string) => boolean): void {
  const name = baseName(path);
  const dir = parentOf(path);
  if (name === OPAQUE) {
    if (relevant(dir)) layer.opaque.add(dir);
  } else {
    const target = `${dir === '/' ? '' : dir}/${name.slice(WHITEOUT_PREFIX.length)}`;
    if (relevant(target)) layer.deleted.add(target);
  }
}
