/**
 * Where a value sits in a JSON text: the line of an object member's key (or of a list item, or the root)
 * given its path, so that a report can point at the line of metadata.json a finding comes from. A small
 * scanner of its own, because JSON.parse forgets positions. Pure; malformed text gives undefined.
 */
import type { JsonPath } from './findings.js';

class Malformed extends Error {}

class Scanner {
  pos = 0;
  found: number | undefined;
  constructor(
    private readonly text: string,
    private readonly target: JsonPath,
  ) {}

  private fail(): never {
    throw new Malformed(`malformed JSON at ${this.pos}`);
  }

  ws(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text.charAt(this.pos))) this.pos += 1;
  }

  private isTarget(path: JsonPath): boolean {
    return path.length === this.target.length && path.every((part, i) => part === this.target[i]);
  }

  private onPath(path: JsonPath): boolean {
    return path.length <= this.target.length && path.every((part, i) => part === this.target[i]);
  }

  private string(): string {
    const start = this.pos;
    if (this.text.charAt(this.pos) !== '"') this.fail();
    this.pos += 1;
    while (this.pos < this.text.length) {
      const ch = this.text.charAt(this.pos);
      if (ch === '\\') this.pos += 2;
      else if (ch === '"') {
        this.pos += 1;
        const raw = this.text.slice(start, this.pos);
        try {
          const value: unknown = JSON.parse(raw);
          return typeof value === 'string' ? value : this.fail();
        } catch {
          return this.fail();
        }
      } else this.pos += 1;
    }
    return this.fail();
  }

  value(path: JsonPath, at: number): void {
    if (this.found !== undefined) return;
    if (this.isTarget(path)) {
      this.found = at;
      return;
    }
    this.ws();
    const ch = this.text.charAt(this.pos);
    if (ch === '{') this.object(path);
    else if (ch === '[') this.array(path);
    else if (ch === '"') this.string();
    else if (/[-0-9tfn]/.test(ch)) {
      while (this.pos < this.text.length && /[-+0-9.eEtruefalsn]/.test(this.text.charAt(this.pos))) this.pos += 1;
    } else this.fail();
  }

  private object(path: JsonPath): void {
    this.pos += 1;
    this.ws();
    if (this.text.charAt(this.pos) === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.ws();
      const keyAt = this.pos;
      const key = this.string();
      this.ws();
      if (this.text.charAt(this.pos) !== ':') this.fail();
      this.pos += 1;
      this.ws();
      const child = [...path, key];
      if (this.onPath(child)) this.value(child, keyAt);
      else this.value([...child, '\u0000skip'], this.pos);
      if (this.found !== undefined) return;
      this.ws();
      const next = this.text.charAt(this.pos);
      this.pos += 1;
      if (next === '}') return;
      if (next !== ',') this.fail();
    }
  }

  private array(path: JsonPath): void {
    this.pos += 1;
    this.ws();
    if (this.text.charAt(this.pos) === ']') {
      this.pos += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      this.ws();
      this.value([...path, index], this.pos);
      if (this.found !== undefined) return;
      this.ws();
      const next = this.text.charAt(this.pos);
      this.pos += 1;
      if (next === ']') return;
      if (next !== ',') this.fail();
    }
  }
}

/** The 1-based line of `path` in `text` (a member's key, a list item, or the root for []); undefined when absent or malformed. */
export function lineOfJsonPath(text: string, path: JsonPath): number | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const scanner = new Scanner(body, path);
  try {
    scanner.ws();
    scanner.value([], scanner.pos);
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
  if (scanner.found === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < scanner.found; i += 1) if (body.charCodeAt(i) === 10) line += 1;
  return line;
}
