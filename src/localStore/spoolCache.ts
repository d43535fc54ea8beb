/**
 * Spooled exports kept for a short while after a read, so the deep check's second pass over the same
 * variant (its listed files, after /metadata.json) reads the spool instead of exporting again. An entry
 * is leased while a read walks it; unleased, it is removed after `keepMs`, when more than `maxKept` are
 * kept, or on close(). Nothing is kept longer than that: the folder goes on every path.
 */
import type { VariantLayout } from './exportLayout.js';
import { removeSpoolFolder } from './spoolFolder.js';

export interface Spool {
  readonly folder: string;
  readonly layout: VariantLayout;
}

export interface SpoolLease {
  readonly spool: Spool;
  /** True when this read made the spool (it exported); false when it reuses a kept one. */
  readonly fresh: boolean;
  release(): Promise<void>;
}

interface Entry {
  readonly spool: Spool;
  leases: number;
  timer?: ReturnType<typeof setTimeout>;
}

export interface SpoolCache {
  /** A kept spool for `key`, leased; undefined when there is none. */
  lease(key: string): SpoolLease | undefined;
  /** Keeps a new spool under `key` (leased to the caller); one already kept there wins and this one is removed on release. */
  keep(key: string, spool: Spool): SpoolLease;
  close(): Promise<void>;
}

export function spoolCache(options: { readonly keepMs: number; readonly maxKept: number }): SpoolCache {
  const kept = new Map<string, Entry>();

  const remove = async (key: string, entry: Entry): Promise<void> => {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    if (kept.get(key) === entry) kept.delete(key);
    await removeSpoolFolder(entry.spool.folder);
  };

  const trim = async (): Promise<void> => {
    const idle = [...kept].filter(([, e]) => e.leases === 0);
    while (kept.size > options.maxKept && idle.length > 0) {
      const oldest = idle.shift();
      if (oldest) await remove(oldest[0], oldest[1]);
    }
  };

  const leaseOf = (key: string, entry: Entry, fresh: boolean, keep: boolean): SpoolLease => {
    entry.leases += 1;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    let released = false;
    return {
      spool: entry.spool,
      fresh,
      release: async () => {
        if (released) return;
        released = true;
        entry.leases -= 1;
        if (!keep || options.keepMs <= 0) {
          if (entry.leases === 0) await remove(key, entry);
          return;
        }
        if (entry.leases === 0) {
          entry.timer = setTimeout(() => void remove(key, entry), options.keepMs);
          entry.timer.unref();
        }
        await trim();
      },
    };
  };

  return {
    lease: (key) => {
      const entry = kept.get(key);
      return entry === undefined ? undefined : leaseOf(key, entry, false, true);
    },
    keep: (key, spool) => {
      const entry: Entry = { spool, leases: 0 };
      if (kept.has(key)) return leaseOf(`${key}#extra`, entry, true, false);
      kept.set(key, entry);
      return leaseOf(key, entry, true, true);
    },
    close: async () => {
      await Promise.all([...kept].map(([key, entry]) => remove(key, entry)));
    },
  };
}
