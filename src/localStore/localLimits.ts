/** The local source's limits: export size, exports at once, walk limits, deadlines, how long a spool is kept. */
import { DEFAULT_HEAD_BYTES, DEFAULT_MAX_DIR_ENTRIES } from '../core/inside/layerFiles.js';

export interface LocalLimits {
  /** Bytes of one export, spooled to disk (default 2 GiB). */
  readonly maxExportBytes: number;
  /** Exports running at once (default 2). */
  readonly maxExports: number;
  /** Tar entries of one export (default 100 000). */
  readonly maxExportEntries: number;
  /** Tar entries walked in the layers of one read (default 200 000). */
  readonly maxEntries: number;
  /** Uncompressed layer bytes walked in one read (default 4 GiB). */
  readonly maxUncompressedBytes: number;
  readonly headBytes: number;
  readonly maxDirEntries: number;
  /** Deadline of a read given none (default 5 min). */
  readonly deadlineMs: number;
  /** How long a spooled export is kept for the next read of the same variant (default 30 s). */
  readonly keepMs: number;
  /** Spooled exports kept at most (default 2). */
  readonly maxKept: number;
  /** How long the engine's image list is reused (default 5 s). */
  readonly listMs: number;
}

export const DEFAULT_LOCAL_LIMITS: LocalLimits = {
  maxExportBytes: 2 * 1024 * 1024 * 1024,
  maxExports: 2,
  maxExportEntries: 100_000,
  maxEntries: 200_000,
  maxUncompressedBytes: 4 * 1024 * 1024 * 1024,
  headBytes: DEFAULT_HEAD_BYTES,
  maxDirEntries: DEFAULT_MAX_DIR_ENTRIES,
  deadlineMs: 300_000,
  keepMs: 30_000,
  maxKept: 2,
  listMs: 5_000,
};
