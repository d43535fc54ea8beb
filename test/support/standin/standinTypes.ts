/**
 * Types shared by the Node side of the tests (which builds a replay table from recorded outputs)
 * and the stand-in ddClient that runs in the page (standin.ts).
 */

/** What a docker command asks for, independent of how its flags are spelled. */
export type CommandKind =
  | 'buildx-version'
  | 'engine-version'
  | 'image-ls'
  | 'image-inspect'
  | 'imagetools-raw'
  | 'imagetools-config'
  | 'imagetools-other'
  | 'manifest-inspect'
  | 'manifest-inspect-verbose'
  | 'extension-ls'
  | 'other';

/** How the stand-in answers a matched command. */
export type Behaviour = 'answer' | 'never-answer';

export interface Reply {
  readonly kind: CommandKind;
  /** The image references (every spelling: familiar and canonical) this reply answers; none for kind-only replies. */
  readonly refs: readonly string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly behaviour: Behaviour;
  /** Where the output came from: a recorded fixture's name, or how a test derived it from one. */
  readonly origin: string;
}

/** One element of a recorded `docker image inspect` array, with the names and ids it answers to. */
export interface ImageRecord {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** The JSON text of the array element. */
  readonly element: string;
  /** The recorded stdout when that image was inspected alone (byte-exact). */
  readonly stdout: string;
}

export interface StandinConfig {
  readonly host: { readonly platform: string; readonly arch: string; readonly hostname: string };
  readonly extensionImage: string;
  readonly replies: readonly Reply[];
  readonly images: readonly ImageRecord[];
  /** Milliseconds before an answer arrives (so the pending state is visible). */
  readonly delayMs: number;
}

export interface RecordedCommand {
  readonly argv: readonly string[];
  readonly form: 'exec' | 'stream';
  /** The reply's origin, or "unmatched". */
  readonly answeredWith: string;
}

/** What the stand-in records, readable from the page as window.__archmatrixStandin. */
export interface StandinRecord {
  readonly commands: RecordedCommand[];
  readonly closed: (readonly string[])[];
  readonly toasts: { readonly level: 'success' | 'warning' | 'error'; readonly message: string }[];
  readonly opened: string[];
  readonly unmatched: (readonly string[])[];
}

declare global {
  interface Window {
    __archmatrixStandin?: StandinRecord;
  }
}
