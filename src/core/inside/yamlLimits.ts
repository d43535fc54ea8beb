/**
 * How deep and how large a YAML text is, measured from the `yaml` library's lexer alone (a stream of
 * tokens, no tree) before anything parses it. The parser builds its tree recursively and keeps every
 * node: thousands of nested `- - -` or `[[[` overflow the stack or exhaust the heap, and a flat file of
 * a few hundred KiB takes hundreds of MB. Pure.
 */
import { Lexer } from 'yaml';

export interface YamlLimits {
  /** Levels of nested collections (block or flow). */
  readonly maxDepth: number;
  /** Lexer tokens (scalars, indicators, spaces, line breaks): what the parser's memory grows with. */
  readonly maxTokens: number;
  /**
   * Aliases (`*name`): each one expands to its anchor's whole node, so a few thousand of them over nested anchors
   * (an alias bomb) stand for billions of nodes. Without it, any number.
   */
  readonly maxAliases?: number;
}

/** Which limit a text is beyond, and a sentence saying so ("nests deeper than 64 levels"). */
export interface YamlExcess {
  readonly limit: 'depth' | 'tokens' | 'aliases';
  readonly message: string;
}

/** Tokens that carry no text: the lexer's markers for a document, a scalar's text to come, a flow cut short. */
const DOCUMENT = '\u0002';
const SCALAR = '\u001f';
const FLOW_END = '\u0018';

const isLineBreak = (token: string): boolean => token === '\n' || token === '\r\n' || token === '';
const isSpace = (token: string): boolean => token.startsWith(' ') || token.startsWith('\t');

/** The column after `text` when it starts at `column`. */
function columnAfter(text: string, column: number): number {
  const lastBreak = text.lastIndexOf('\n');
  return lastBreak === -1 ? column + text.length : text.length - lastBreak - 1;
}

/**
 * The limit the text is beyond, or undefined when it is within them.
 *
 * The depth is an upper bound, never less than the real one: a block collection nested in another starts
 * at a greater column, except a sequence that is a mapping's value, which may share its key's column. So
 * the open columns (those of line starts still open, and of what follows `-` or `?` on a line) count twice
 * each, and open flow brackets once each. Comments and the text of scalars (quoted, plain or block) open nothing.
 */
export function yamlBeyondLimits(text: string, limits: YamlLimits): YamlExcess | undefined {
  const open: number[] = [];
  let flow = 0;
  let column = 0;
  let lineStart = true;
  let afterIndicator = false;
  let scalarText = false;
  let blockScalarBody = false;
  let tokens = 0;
  let aliases = 0;
  const tooDeep = (): YamlExcess | undefined =>
    2 * open.length + flow > limits.maxDepth
      ? { limit: 'depth', message: `nests deeper than ${limits.maxDepth} levels` }
      : undefined;
  const opened = (at: number): YamlExcess | undefined => {
    while (open.length > 0 && (open.at(-1) ?? 0) > at) open.pop();
    if (open.at(-1) !== at) open.push(at);
    return tooDeep();
  };
  for (const token of new Lexer().lex(text)) {
    tokens += 1;
    if (tokens > limits.maxTokens) return { limit: 'tokens', message: `has more than ${limits.maxTokens} YAML tokens` };
    if (token === DOCUMENT || token === SCALAR) {
      scalarText = token === SCALAR;
      continue;
    }
    if (token === FLOW_END) {
      flow = 0;
      continue;
    }
    const isScalarText = scalarText;
    scalarText = false;
    // The lexer gives an alias as its own token (never after a scalar marker); quoted text starts with its quote.
    if (!isScalarText && token.startsWith('*') && limits.maxAliases !== undefined && ++aliases > limits.maxAliases)
      return {
        limit: 'aliases',
        message: `uses more than ${limits.maxAliases} YAML aliases (the mark of an alias bomb)`,
      };
    if (isScalarText && blockScalarBody) {
      // A block scalar's lines are text, however indented.
      blockScalarBody = false;
      column = columnAfter(token, column);
      lineStart = column === 0;
      continue;
    }
    if (!isScalarText && isLineBreak(token)) {
      column = 0;
      lineStart = true;
      afterIndicator = false;
      continue;
    }
    if (!isScalarText && (isSpace(token) || token.startsWith('#'))) {
      column = columnAfter(token, column);
      continue;
    }
    if (flow === 0 && (lineStart || afterIndicator)) {
      const problem = opened(column);
      if (problem !== undefined) return problem;
    }
    lineStart = false;
    afterIndicator = false;
    if (!isScalarText) {
      if (token === '[' || token === '{') {
        flow += 1;
        const problem = tooDeep();
        if (problem !== undefined) return problem;
      } else if (token === ']' || token === '}') {
        flow = Math.max(0, flow - 1);
      } else if (token === '-' || token === '?') {
        afterIndicator = true;
      } else if (token.startsWith('|') || token.startsWith('>')) {
        blockScalarBody = true;
      }
    }
    column = columnAfter(token, column);
  }
  return undefined;
}
