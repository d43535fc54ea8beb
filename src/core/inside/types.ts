/**
 * The deep check's vocabulary: what is inside each platform variant of an extension image
 * (host binaries per OS, backend images). Pure types; the rules live beside this file, the
 * registry reader (src/registry) fills VariantFiles, the core judges them.
 */
import type { PlatformKey, Verdict } from '../types.js';

/** The host operating systems metadata.json lists binaries for. */
export const HOST_OSES = ['darwin', 'windows', 'linux'] as const;
export type HostOs = (typeof HOST_OSES)[number];

/** A CPU as read from an executable header. */
export type Cpu = 'x86_64' | 'arm64' | 'arm' | 'i386' | 'other';

/**
 * 'script': starts with `#!`, or text with a script extension (.cmd, .bat, .ps1, .sh, ...);
 * 'text': other text (.properties, .json, ...); 'data': anything else (.pyc, Java classes, ...).
 * script, text and data are CPU-neutral.
 */
export type ExecutableFormat = 'elf' | 'pe' | 'macho' | 'macho-universal' | 'script' | 'text' | 'data';

/** What the first bytes (≤ 4 KiB) of a file say. */
export interface ExecutableInfo {
  readonly format: ExecutableFormat;
  /** CPUs the file runs on; empty for CPU-neutral files (script, text, data) and for a `problem`. */
  readonly cpus: readonly Cpu[];
  /** For 'other' CPUs: the raw machine/cputype value, e.g. "0x16". */
  readonly rawCpu?: string;
  /**
   * Set when the magic names an executable format but its header cannot be read from these bytes
   * (cut short, offsets out of range, no architectures): the CPU is unknown, never guessed.
   */
  readonly problem?: string;
}

/** One host binary path listed in metadata.json under one OS. */
export interface HostBinaryPath {
  readonly os: HostOs;
  /** Normalised absolute path inside the image, e.g. "/darwin/kubectl". */
  readonly path: string;
}

/** The parts of an extension's /metadata.json the deep check reads. */
export interface ExtensionMetadata {
  readonly hostBinaries: readonly HostBinaryPath[];
  /** Paths listed that are unusable (relative, `..`, not a string): kept for findings. */
  readonly badPaths: readonly { readonly os: HostOs; readonly path: string; readonly reason: string }[];
  readonly vm?: {
    readonly image?: string;
    /** Path of the compose file inside the image (normalised absolute). */
    readonly composefile?: string;
    readonly socket?: string;
  };
  /**
   * What the check ignored in metadata.json, one sentence each, for people: unknown OS keys
   * under host.binaries, a vm section of the wrong shape, duplicates.
   */
  readonly ignored: readonly string[];
}

/**
 * A path to read in a variant. `maxBytes` bounds the bytes kept of a file: a head by default, a whole small
 * file (metadata.json, a compose file) when larger.
 */
export interface WantedPath {
  readonly path: string;
  readonly maxBytes?: number;
}

/** What the reader found at one wanted path in one variant (after applying layers and whiteouts). */
export type FoundFile =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly size: number;
      readonly mode: number;
      readonly head: Uint8Array;
    }
  | { readonly kind: 'directory'; readonly path: string; readonly entries: readonly FoundFile[] }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  | { readonly kind: 'other'; readonly path: string; readonly type: string }
  | { readonly kind: 'missing'; readonly path: string; readonly whitedOut: boolean }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** The files the reader found in one variant, keyed by wanted path. */
export interface VariantFiles {
  readonly platform: PlatformKey;
  /** The variant's manifest digest. */
  readonly digest: string;
  readonly files: ReadonlyMap<string, FoundFile>;
  /** Bytes downloaded for this variant (compressed), and the sum of its layer sizes. */
  readonly bytesRead: number;
  readonly bytesTotal: number;
  /** Where the files were read: the engine's local image store or the registry (unset: the registry). */
  readonly source?: VariantSource;
}

/** Where a variant's files were read. */
export type VariantSource = 'local' | 'registry';

/**
 * Exactly four states, which the CLI's --json, the tab and the tests key on. An executable of another OS
 * listed under this one (a Windows .exe under "linux") is `wrong-cpu` too: no CPU of that OS runs it; its
 * `found` names the format and OS ("PE x86_64 (Windows)") and its message says it is another OS's binary.
 */
export const HOST_BINARY_STATES = ['ok', 'wrong-cpu', 'missing', 'unreadable'] as const;
export type HostBinaryState = (typeof HOST_BINARY_STATES)[number];

/** One host binary in one variant, judged. */
export interface HostBinaryFinding {
  readonly os: HostOs;
  /** The variant, e.g. "linux/arm64". */
  readonly platform: PlatformKey;
  readonly path: string;
  readonly state: HostBinaryState;
  /**
   * e.g. "x86_64", "arm64", "universal(x86_64,arm64)", "script", "data"; for another OS's executable
   * its format, CPU and OS, e.g. "PE x86_64 (Windows)"; absent when not read.
   */
  readonly found?: string;
  /** e.g. "arm64"; absent for CPU-neutral expectations. */
  readonly wanted?: string;
  /** The executable format read, when the file was read. */
  readonly format?: ExecutableFormat;
  /** For a file found inside a listed directory: the directory metadata.json lists. */
  readonly listedAs?: string;
  /** One line for people: what was found and what it means on that OS. */
  readonly message: string;
  /** True when this non-ok cell is only a warning and never changes the verdict: Windows in linux/arm64, nothing else. */
  readonly warningOnly: boolean;
  /** What the publisher should do; absent when ok. */
  readonly fix?: string;
  /** Where the variant's files were read; absent: the registry. */
  readonly source?: VariantSource;
}

/** A backend image named by metadata.json's vm section, with its own platform check. */
export interface BackendImageFinding {
  readonly reference: string;
  /** Where it was named: "vm.image" or "compose:<service>". */
  readonly source: string;
  /** True for ${DESKTOP_PLUGIN_IMAGE} (the extension image itself): never a separate problem. */
  readonly self: boolean;
  readonly platforms: readonly PlatformKey[];
  /** The normal platform verdict of that image. */
  readonly verdict: Verdict;
  readonly message: string;
}

/**
 * Compressed bytes downloaded for one image and its cap, shared by every read of that image (they run
 * at once, one per variant): each read adds what it downloads, and all stop once the cap is passed.
 * The reader also counts the image's uncompressed tar bytes and tar entries here, so its limits on
 * those hold for the image as a whole too (absent: none counted yet).
 */
export interface ImageBytes {
  downloaded: number;
  readonly max: number;
  uncompressed?: number;
  entries?: number;
}
