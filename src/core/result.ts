/** A value or a typed error: the core never throws for bad input, it returns one of these. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/** Why a piece of command output could not be understood. */
export interface ParseError {
  readonly kind: 'malformed';
  /** One sentence for people, e.g. "manifest list entry 3 has no digest". */
  readonly message: string;
}

/**
 * Reads each item of a list in turn (`position` counts from 1, for error messages) and stops at the first
 * that cannot be read: every list of untrusted entries (layers, images, rows) is read this way.
 */
export function readEach<I, T, E>(
  items: readonly I[],
  read: (item: I, position: number) => Result<T, E>,
): Result<T[], E> {
  const out: T[] = [];
  for (const [i, item] of items.entries()) {
    const one = read(item, i + 1);
    if (!one.ok) return one;
    out.push(one.value);
  }
  return ok(out);
}
