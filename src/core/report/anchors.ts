/**
 * The line of metadata.json a finding comes from (its anchor), read from the text of the image's own
 * /metadata.json: the file the publisher's Dockerfile copied, so its lines are the repository's. Pure.
 */
import { normaliseImagePath } from '../inside/imagePath.js';
import { isRecord, parseJson } from '../json.js';
import type { JsonPath, MetadataAnchor } from './findings.js';
import { lineOfJsonPath } from './jsonLines.js';

const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Where metadata.json lists this host binary: host.binaries[i][os][j].path, the first entry that normalises to `listed`. */
function hostBinaryPath(doc: unknown, os: string, listed: string): JsonPath | undefined {
  if (!isRecord(doc)) return undefined;
  const host = own(doc, 'host');
  const binaries = isRecord(host) ? own(host, 'binaries') : undefined;
  if (!Array.isArray(binaries)) return undefined;
  for (const [i, group] of (binaries as unknown[]).entries()) {
    const entries = isRecord(group) ? own(group, os) : undefined;
    if (!Array.isArray(entries)) continue;
    for (const [j, entry] of (entries as unknown[]).entries()) {
      const path = isRecord(entry) ? normaliseImagePath(own(entry, 'path')) : undefined;
      if (path?.ok === true && path.value === listed) return ['host', 'binaries', i, os, j, 'path'];
    }
  }
  return undefined;
}

function pathOf(text: string, anchor: MetadataAnchor): JsonPath | undefined {
  switch (anchor.kind) {
    case 'json-path':
      return anchor.path;
    case 'backend':
      return anchor.source === 'vm.image' ? ['vm', 'image'] : ['vm', 'composefile'];
    case 'host-binary': {
      const doc = parseJson(text.replace(/^\uFEFF/, ''), 'metadata.json');
      return doc.ok ? hostBinaryPath(doc.value, anchor.os, anchor.listed) : undefined;
    }
  }
}

/** The 1-based line of metadata.json the anchor names; for a path that is not there, the line of its nearest parent. */
export function metadataLine(text: string, anchor: MetadataAnchor): number | undefined {
  const path = pathOf(text, anchor);
  if (path === undefined) return undefined;
  for (let n = path.length; n >= 0; n -= 1) {
    const line = lineOfJsonPath(text, path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}
