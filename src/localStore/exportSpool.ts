/**
 * An export (the tar `docker save` writes) streamed to a spool folder, never held in memory whole:
 * every blob and layer is written to its own numbered file (names never come from the tar) and hashed
 * on the way, small index files are kept in memory. The index of an export comes last (after the blobs,
 * which are sorted by digest), so nothing can be read before the whole export is in. A blob whose bytes
 * do not match the digest it is named by fails at once.
 *
 * Entries kept: blobs/sha256/<hex> (OCI layout), <hex>/layer.tar and <hex>.json (docker-archive, and
 * the links it makes for a layer used twice), index.json, manifest.json. Anything else is skipped.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join, posix } from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as tarExtract, type Extract } from 'tar-stream';
import { EngineError } from '../engine/index.js';
import { LocalProblem } from './localFailure.js';

/** One tar entry as tar-stream hands it out. */
type Entry = Extract extends AsyncIterable<infer E> ? E : never;

export interface SpooledFile {
  /** Where its bytes are on disk. */
  readonly file: string;
  readonly size: number;
  /** sha256:<hex> of its bytes. */
  readonly digest: string;
}

export interface SpooledExport {
  /** By entry name (blobs/sha256/<hex>, <hex>/layer.tar, <hex>.json). */
  readonly files: ReadonlyMap<string, SpooledFile>;
  /** Small index files by name (index.json, manifest.json). */
  readonly meta: ReadonlyMap<string, Uint8Array>;
  /** Bytes written to the folder. */
  readonly bytes: number;
}

export interface SpoolLimits {
  /** Bytes written for one export. */
  readonly maxBytes: number;
  /** Entries of one export. */
  readonly maxEntries: number;
}

/** Opens a file to write; tests hand one that fails (a full disk). */
export type OpenWrite = (file: string) => Writable;
export const openWriteFile: OpenWrite = (file) => createWriteStream(file, { flags: 'wx', mode: 0o600 });

const BLOB = /^blobs\/sha256\/([a-f0-9]{64})$/;
const LEGACY_LAYER = /^([a-f0-9]{64})\/layer\.tar$/;
const LEGACY_CONFIG = /^([a-f0-9]{64})\.json$/;
const META = new Set(['index.json', 'manifest.json']);
const MAX_META_BYTES = 1024 * 1024;
const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EFBIG', 'EMFILE', 'ENFILE']);

/** "./a//b" -> "a/b"; undefined for a name leaving the archive. */
function entryName(name: string): string | undefined {
  const normal = posix.normalize(name.replace(/^\.\//, ''));
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../') || normal.includes('\0')) return undefined;
  return normal.replace(/\/$/, '');
}

function diskProblem(e: unknown, folder: string): LocalProblem | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !DISK_CODES.has(code)) return undefined;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' ? 'the disk is full' : 'the disk refused a write';
  return new LocalProblem('disk-full', `${why} while spooling the export to ${folder} (${code})`);
}

/** What a failure while reading the export stands for. */
function exportProblem(e: unknown, folder: string): LocalProblem {
  if (e instanceof LocalProblem) return e;
  if (e instanceof EngineError) {
    const f = e.failure;
    if (f.kind === 'timeout' || f.kind === 'cancelled') return new LocalProblem(f.kind, f.message);
    if (f.kind === 'too-large') return new LocalProblem('too-large', f.message);
    return new LocalProblem('truncated', `the export ended early: ${f.message}`);
  }
  const disk = diskProblem(e, folder);
  if (disk) return disk;
  const message = e instanceof Error ? e.message : String(e);
  return new LocalProblem('truncated', `the export is cut short or not a tar (${message})`);
}

/** Writes one entry to `file`, hashing and counting it; past the byte budget it fails with too-large. */
async function writeEntry(entry: Entry, file: string, open: OpenWrite, budget: () => number): Promise<SpooledFile> {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      if (size > budget()) {
        callback(new LocalProblem('too-large', 'the export is larger than its cap'));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(Readable.from(chunksOf(entry)), counter, open(file));
  return { file, size, digest: `sha256:${hash.digest('hex')}` };
}

/** The entry's bytes (tar-stream yields Buffers; anything else is refused). */
async function* chunksOf(entry: Entry): AsyncGenerator<Buffer> {
  for await (const chunk of entry) {
    if (!Buffer.isBuffer(chunk)) throw new LocalProblem('truncated', 'the export tar gave a chunk that is not bytes');
    yield chunk;
  }
}

async function readSmall(entry: Entry, name: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunksOf(entry)) {
    size += chunk.byteLength;
    if (size > MAX_META_BYTES) throw new LocalProblem('bad-export', `the export's ${name} is larger than 1 MiB`);
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts));
}

async function drain(entry: Entry): Promise<void> {
  for await (const chunk of entry) void chunk;
}

/**
 * Streams `body` into `folder`. Resolves once the whole export is spooled; rejects with a LocalProblem
 * (truncated, too large, digest mismatch, disk full, timeout, cancelled). The caller removes the folder.
 */
export async function spoolExport(
  body: Readable,
  folder: string,
  limits: SpoolLimits,
  open: OpenWrite = openWriteFile,
): Promise<SpooledExport> {
  const extract = tarExtract();
  const files = new Map<string, SpooledFile>();
  const links = new Map<string, string>();
  const meta = new Map<string, Uint8Array>();
  let bytes = 0;
  let entries = 0;
  let failure: unknown;
  body.on('error', (e) => {
    failure ??= e;
    extract.destroy(e);
  });
  body.pipe(extract);
  try {
    for await (const entry of extract) {
      entries += 1;
      if (entries > limits.maxEntries)
        throw new LocalProblem('bad-export', `the export holds more than ${limits.maxEntries} entries`);
      const name = entryName(entry.header.name);
      const type = entry.header.type;
      if (name !== undefined && (type === 'symlink' || type === 'link') && LEGACY_LAYER.test(name)) {
        const target = entryName(
          type === 'symlink'
            ? posix.join(posix.dirname(name), entry.header.linkname ?? '')
            : (entry.header.linkname ?? ''),
        );
        if (target !== undefined) links.set(name, target);
        await drain(entry);
      } else if (name !== undefined && (type === 'file' || type === 'contiguous-file') && META.has(name)) {
        meta.set(name, await readSmall(entry, name));
      } else if (
        name !== undefined &&
        (type === 'file' || type === 'contiguous-file') &&
        (BLOB.test(name) || LEGACY_LAYER.test(name) || LEGACY_CONFIG.test(name))
      ) {
        const spooled = await writeEntry(
          entry,
          join(folder, `${files.size}.blob`),
          open,
          () => limits.maxBytes - bytes,
        );
        bytes += spooled.size;
        const named = BLOB.exec(name)?.[1] ?? LEGACY_CONFIG.exec(name)?.[1];
        if (named !== undefined && spooled.digest !== `sha256:${named}`)
          throw new LocalProblem(
            'digest-mismatch',
            `the export's ${name} does not match its digest (its bytes hash to ${spooled.digest})`,
          );
        files.set(name, spooled);
      } else {
        await drain(entry);
      }
    }
  } catch (e) {
    body.destroy();
    throw exportProblem(failure ?? e, folder);
  }
  if (failure !== undefined) throw exportProblem(failure, folder);
  if (!meta.has('manifest.json') && !meta.has('index.json'))
    throw new LocalProblem('truncated', 'the export ended before its index (no index.json or manifest.json)');
  for (const [name, target] of links) {
    const file = files.get(target);
    if (file) files.set(name, file);
  }
  return { files, meta, bytes };
}
