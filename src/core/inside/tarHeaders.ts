/** What a tar entry's header says about the file at its path, as the reader reports it. Pure. */
import { normaliseTarPath, typeName } from './tarPaths.js';
import type { FoundFile } from './types.js';

/** The tar header fields the resolution needs (tar-stream's names). */
export interface TarHeaderLike {
  readonly name: string;
  /** 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | ... */
  readonly type: string | null | undefined;
  readonly size?: number | null | undefined;
  readonly mode?: number | null | undefined;
  readonly linkname?: string | null | undefined;
}

/** A regular file's entry, its bytes not read yet (a header without size or mode says 0). */
export function regularFile(path: string, header: TarHeaderLike): Omit<Extract<FoundFile, { kind: 'file' }>, 'head'> {
  const size = typeof header.size === 'number' ? header.size : 0;
  const mode = typeof header.mode === 'number' ? header.mode : 0;
  return { kind: 'file', path, size, mode };
}

/** Any entry but a regular file or a directory: a symlink, a hard link, a device, ... */
export function otherEntry(path: string, header: TarHeaderLike): FoundFile {
  const type = typeName(header.type);
  if (type === 'symlink') return { kind: 'symlink', path, target: header.linkname ?? '' };
  if (type === 'link')
    return { kind: 'other', path, type: `hard link to ${normaliseTarPath(header.linkname ?? '') ?? '?'}` };
  return { kind: 'other', path, type };
}
