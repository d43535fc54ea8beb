/** Paths inside image layers (tar entries): normalising, whiteout names, parents and ancestors. Pure. */

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE = '.wh..wh..opq';

/** "./a/b/", "a/b", "/a//b" -> "/a/b"; undefined for "..", NUL or the root itself. */
export function normaliseTarPath(name: string): string | undefined {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' || part.includes('\0')) return undefined;
    parts.push(part);
  }
  return parts.length === 0 ? undefined : `/${parts.join('/')}`;
}

/** Why a wanted path is not a normalised absolute path, or undefined when it is one. */
export function wantedPathProblem(path: string): string | undefined {
  if (typeof path !== 'string' || !path.startsWith('/')) return 'not an absolute path';
  const normal = normaliseTarPath(path);
  if (normal === undefined) return 'not a file path (empty, the root, or containing "..")';
  if (normal !== path) return `not normalised (use ${normal})`;
  return undefined;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `ancestor` is a strict ancestor of `path` ("/" is everyone's). */
export function isUnder(path: string, ancestor: string): boolean {
  return ancestor === '/' ? path !== '/' : path.startsWith(`${ancestor}/`);
}

/** Strict ancestors of a path, nearest first, ending with "/". */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p !== '/') {
    p = parentOf(p);
    out.push(p);
  }
  return out;
}

/** A tar entry's type for people; 'unknown' when the header has none. */
export function typeName(type: string | null | undefined): string {
  return typeof type === 'string' && type !== '' ? type : 'unknown';
}

export const isRegular = (type: string | null | undefined): boolean => type === 'file' || type === 'contiguous-file';
