/** Bytes taken from a stream reader exactly as many as needed: the zstd decoder reads frames and blocks with it. */

export interface ByteQueue {
  /** Reads until `n` bytes are buffered; false when the input ended first. */
  fill(n: number): Promise<boolean>;
  /** The first `n` buffered bytes (after `fill(n)`), left in the queue. */
  peek(n: number): Uint8Array;
  /** The first `n` buffered bytes (after `fill(n)`), taken out. */
  take(n: number): Uint8Array;
  /** Drops `n` bytes, reading as needed without keeping them; false when the input ended first. */
  skip(n: number): Promise<boolean>;
  /** True when nothing is buffered and the input has ended. */
  ended(): Promise<boolean>;
}

export function byteQueue(reader: ReadableStreamDefaultReader<Uint8Array>): ByteQueue {
  const pieces: Uint8Array[] = [];
  let buffered = 0;
  let done = false;
  const readMore = async (): Promise<boolean> => {
    if (done) return false;
    const next = await reader.read();
    if (next.done) {
      done = true;
      return false;
    }
    if (next.value.byteLength > 0) {
      pieces.push(next.value);
      buffered += next.value.byteLength;
    }
    return true;
  };
  const fill = async (n: number): Promise<boolean> => {
    while (buffered < n) if (!(await readMore())) return false;
    return true;
  };
  const copyOut = (n: number, remove: boolean): Uint8Array => {
    if (n > buffered) throw new Error(`${n} bytes asked of a queue holding ${buffered}`);
    const first = pieces[0];
    if (first !== undefined && first.byteLength >= n) {
      const out = first.subarray(0, n);
      if (remove) {
        if (first.byteLength === n) pieces.shift();
        else pieces[0] = first.subarray(n);
        buffered -= n;
      }
      return out;
    }
    const out = new Uint8Array(n);
    let at = 0;
    let i = 0;
    while (at < n) {
      const piece = pieces[i] ?? new Uint8Array();
      const part = piece.subarray(0, n - at);
      out.set(part, at);
      at += part.byteLength;
      if (remove) {
        if (part.byteLength === piece.byteLength) pieces.shift();
        else pieces[0] = piece.subarray(part.byteLength);
      } else i += 1;
    }
    if (remove) buffered -= n;
    return out;
  };
  return {
    fill,
    peek: (n) => copyOut(n, false),
    take: (n) => copyOut(n, true),
    async skip(n) {
      let left = n;
      for (;;) {
        while (left > 0 && pieces.length > 0) {
          const piece = pieces[0] ?? new Uint8Array();
          const part = Math.min(left, piece.byteLength);
          if (part === piece.byteLength) pieces.shift();
          else pieces[0] = piece.subarray(part);
          buffered -= part;
          left -= part;
        }
        if (left === 0) return true;
        if (!(await readMore())) return false;
      }
    },
    ended: async () => buffered === 0 && !(await fill(1)),
  };
}
