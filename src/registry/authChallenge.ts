/** Reads a registry's `WWW-Authenticate` header: `Bearer realm="...",service="...",scope="..."` or `Basic realm="..."`. */

export type AuthChallenge =
  | { readonly scheme: 'bearer'; readonly realm: string; readonly service?: string; readonly scope?: string }
  | { readonly scheme: 'basic'; readonly realm?: string };

const PARAM = /([a-zA-Z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;

function params(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(PARAM)) {
    const key = (m[1] ?? '').toLowerCase();
    if (!out.has(key)) out.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return out;
}

/** The first challenge we can answer, or undefined for a missing or unknown header. */
export function parseAuthChallenge(header: string | null): AuthChallenge | undefined {
  if (header === null || header.length > 4096) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  const p = params(m[2] ?? '');
  if (scheme === 'basic') {
    const realm = p.get('realm');
    return realm !== undefined ? { scheme: 'basic', realm } : { scheme: 'basic' };
  }
  if (scheme !== 'bearer') return undefined;
  const realm = p.get('realm');
  if (realm === undefined || realm === '') return undefined;
  const service = p.get('service');
  const scope = p.get('scope');
  return {
    scheme: 'bearer',
    realm,
    ...(service !== undefined ? { service } : {}),
    ...(scope !== undefined ? { scope } : {}),
  };
}
