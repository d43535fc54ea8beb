/**
 * Where a value sits in a JSON text: the line of an object member's key (or of a list item, or the root)
 * given its path, so that a report can point at the line of metadata.json a finding comes from.
 * JSON.parse forgets positions; jsonc-parser (the JSON scanner of VS Code, pure JavaScript) keeps them.
 * Comments and trailing commas are refused, as JSON refuses them. Pure; malformed text gives undefined.
 */
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import type { JsonPath } from './findings.js';

/** The 1-based line of `path` in `text` (a member's key, a list item, or the root for []); undefined when absent or malformed. */
export function lineOfJsonPath(text: string, path: JsonPath): number | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  if (root === undefined || errors.length > 0) return undefined;
  const node = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
  if (node === undefined) return undefined;
  // A member points at its key: the property node that holds the key and the value.
  const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (body.charCodeAt(i) === 10) line += 1;
  return line;
}
