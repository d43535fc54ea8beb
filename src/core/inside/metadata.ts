/**
 * An extension's /metadata.json, read for the deep check: host binaries per OS and the vm
 * (backend) section. Hostile text (huge, not JSON, prototype keys, odd shapes) gives a typed
 * problem or a finding, never a throw.
 */
import { excerpt, exceedsUtf8Bytes, isRecord, jsonNestsDeeper, parseJson, type JsonRecord } from '../json.js';
import { err, ok, type Result } from '../result.js';
import { normaliseImagePath } from './imagePath.js';
import { HOST_OSES, type ExtensionMetadata, type HostBinaryPath, type HostOs } from './types.js';

/** metadata.json is a few hundred bytes in every real extension; anything past this is refused. */
export const MAX_METADATA_BYTES = 1024 * 1024;
/** Host binary entries looked at, over all OSes; real extensions list a handful. */
export const MAX_HOST_BINARIES = 1000;
/** Levels of arrays and objects; a real metadata.json nests five or six deep. */
export const MAX_METADATA_DEPTH = 64;
/** Sentences kept in `ignored`; the rest are counted in one more. */
export const MAX_IGNORED_NOTES = 20;

export type MetadataProblemReason = 'too-large' | 'too-deep' | 'not-json' | 'not-an-object' | 'host-binaries-shape';

export interface MetadataProblem {
  readonly reason: MetadataProblemReason;
  /** One sentence for people. */
  readonly message: string;
}

type Bad = ExtensionMetadata['badPaths'][number];

/**
 * True for a problem that leaves the file unjudged rather than wrong: past the check's own limits (size, depth,
 * host binary count), where Docker Desktop may still read it. Its variant is not checked. The other problems
 * (not JSON, not an object, a wrong shape) make a file Docker Desktop refuses too: nothing in it can run.
 */
export const leavesUnjudged = (problem: MetadataProblem): boolean =>
  problem.reason === 'too-large' || problem.reason === 'too-deep';

const problem = (reason: MetadataProblemReason, message: string): Result<never, MetadataProblem> =>
  err({ reason, message: `metadata.json ${message}` });

/** Own properties only: a "__proto__" or "constructor" key in the JSON is a plain label here. */
function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isHostOs(key: string): key is HostOs {
  return (HOST_OSES as readonly string[]).includes(key);
}

interface HostSection {
  readonly hostBinaries: HostBinaryPath[];
  readonly badPaths: Bad[];
  readonly ignored: string[];
}

function readHost(host: unknown): Result<HostSection, MetadataProblem> {
  const section: HostSection = { hostBinaries: [], badPaths: [], ignored: [] };
  if (host === undefined || host === null) return ok(section);
  if (!isRecord(host)) return problem('host-binaries-shape', '"host" is not an object');
  const binaries = own(host, 'binaries');
  if (binaries === undefined || binaries === null) return ok(section);
  if (!Array.isArray(binaries)) return problem('host-binaries-shape', '"host.binaries" is not a list');
  let seen = 0;
  for (const [index, group] of (binaries as unknown[]).entries()) {
    if (!isRecord(group)) return problem('host-binaries-shape', `"host.binaries[${index}]" is not an object`);
    for (const key of Object.keys(group)) {
      if (!isHostOs(key)) {
        section.ignored.push(
          `host.binaries[${index}] has "${excerpt(key, 40)}", not an OS (darwin, windows, linux): ignored`,
        );
        continue;
      }
      const entries = own(group, key);
      if (!Array.isArray(entries))
        return problem('host-binaries-shape', `"host.binaries[${index}].${key}" is not a list`);
      seen += entries.length;
      if (seen > MAX_HOST_BINARIES) {
        return problem('too-large', `lists more than ${MAX_HOST_BINARIES} host binaries`);
      }
      for (const entry of entries as unknown[]) readEntry(key, entry, section);
    }
  }
  return ok(section);
}

function readEntry(os: HostOs, entry: unknown, section: HostSection): void {
  const raw = isRecord(entry) ? own(entry, 'path') : entry;
  const shown = raw === undefined ? '(no path)' : typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  if (!isRecord(entry)) {
    section.badPaths.push({ os, path: excerpt(shown, 100), reason: 'is not an object with a "path"' });
    return;
  }
  const path = normaliseImagePath(raw);
  if (!path.ok) {
    section.badPaths.push({ os, path: excerpt(shown, 100), reason: path.error });
    return;
  }
  if (section.hostBinaries.some((b) => b.os === os && b.path === path.value)) {
    section.ignored.push(`${path.value} is listed twice under ${os}: checked once`);
    return;
  }
  section.hostBinaries.push({ os, path: path.value });
}

function readVm(vm: unknown, ignored: string[]): ExtensionMetadata['vm'] {
  if (vm === undefined || vm === null) return undefined;
  if (!isRecord(vm)) {
    ignored.push('"vm" is not an object: no backend checked');
    return undefined;
  }
  const out: { image?: string; composefile?: string; socket?: string } = {};
  const image = own(vm, 'image');
  if (typeof image === 'string' && image.trim() !== '') out.image = image.trim();
  else if (image !== undefined) ignored.push('"vm.image" is not a non-empty string: ignored');
  const composefile = own(vm, 'composefile');
  if (composefile !== undefined) {
    // Docker Desktop reads the compose file from the image root when it is named relatively.
    const path = normaliseImagePath(composefile, '');
    if (path.ok) out.composefile = path.value;
    else ignored.push(`"vm.composefile" ${path.error}: ignored`);
  }
  const exposes = own(vm, 'exposes');
  const socket = isRecord(exposes) ? own(exposes, 'socket') : undefined;
  if (typeof socket === 'string' && socket.trim() !== '') out.socket = socket.trim();
  else if (exposes !== undefined && socket !== undefined)
    ignored.push('"vm.exposes.socket" is not a non-empty string: ignored');
  return out;
}

/** The first MAX_IGNORED_NOTES sentences and a count of the rest: a file of a million odd keys makes one line, not a million. */
function capped(ignored: readonly string[]): string[] {
  if (ignored.length <= MAX_IGNORED_NOTES) return [...ignored];
  const rest = ignored.length - MAX_IGNORED_NOTES;
  return [...ignored.slice(0, MAX_IGNORED_NOTES), `and ${rest} more ignored entr${rest === 1 ? 'y' : 'ies'}`];
}

/** Parses the text of an extension's /metadata.json. */
export function parseExtensionMetadata(text: unknown): Result<ExtensionMetadata, MetadataProblem> {
  if (typeof text !== 'string') return problem('not-json', `is a ${typeof text}, not text`);
  if (exceedsUtf8Bytes(text, MAX_METADATA_BYTES)) {
    return problem('too-large', `is larger than ${MAX_METADATA_BYTES / 1024 / 1024} MiB`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (jsonNestsDeeper(body, MAX_METADATA_DEPTH))
    return problem('too-deep', `nests deeper than ${MAX_METADATA_DEPTH} levels`);
  const json = parseJson(body, 'metadata.json');
  // "metadata.json cannot be read: not valid JSON (...)" / ": empty output" (parseJson's words after its "what: ").
  if (!json.ok)
    return problem('not-json', `cannot be read: ${excerpt(json.error.message.replace(/^metadata\.json: /, ''), 120)}`);
  const parsed = json.value;
  if (!isRecord(parsed)) {
    return problem(
      'not-an-object',
      `is ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, not an object`,
    );
  }
  const host = readHost(own(parsed, 'host'));
  if (!host.ok) return host;
  const ignored = [...host.value.ignored];
  const vm = readVm(own(parsed, 'vm'), ignored);
  return ok({
    hostBinaries: host.value.hostBinaries,
    badPaths: host.value.badPaths,
    vm,
    ignored: capped(ignored),
  });
}
