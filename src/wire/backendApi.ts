/**
 * The backend's HTTP API, as types both sides share: the service in Docker Desktop's VM
 * (src/backend) and whoever calls it (the tab through ddClient.extension.vm.service, browser
 * mode's stand-in, tests). No Node or browser API here.
 *
 *   GET    /health        -> 200 HealthReply (with `engine`: can this machine's engine be read?)
 *   POST   /deep          DeepRequestBody -> 202 DeepJobSnapshot (poll it), or an ErrorReply
 *   GET    /deep/<id>     -> 200 DeepJobSnapshot (each poll keeps the job alive)
 *   DELETE /deep/<id>     -> 200 DeepJobSnapshot, state 'cancelled' (running checks are aborted)
 *
 * POST /deep's body: {references: string[], source?: "local" | "registry", platforms?: string[]}.
 *   - source "registry" (the default): every linux variant from its registry, or with `platforms`
 *     (e.g. ["linux/arm64"]) only those; the others are listed in the result's `notRead`.
 *   - source "local": this machine's variant only, exported by the engine from its local image store
 *     (0 layer bytes from any registry; the index is still read from the registry, a few KB). It never
 *     falls back to downloading: with no engine socket, or an engine that does not hold the image, the
 *     item fails with error.name 'local-unavailable' or 'local-not-in-engine'. `platforms` is refused
 *     with it (400).
 *   A bad source or platform refuses the whole request (400 'bad-request' or 'invalid-platform', with
 *   every reason), like a bad reference.
 * Each done item's `result` is the core's JSON row (`archmatrix --deep --json`): every hostBinaries
 * entry says its `source`, and `notRead` lists the linux variants that were not read, each with its
 * platform, digest and compressed size (`bytesTotal`, from its manifest: at most what reading it downloads).
 *
 * Every non-2xx answer is an ErrorReply (errors.ts). vm.service returns parsed JSON only (no
 * streaming), so progress is polled: a job nobody polls for `abandonAfterMs` is cancelled as 'abandoned'.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export const HEALTH_PATH = '/health';
export const DEEP_PATH = '/deep';
/** Job ids are the backend's own (UUIDs); anything else cannot name a job (DEEP_PATH/<id>). */
export const JOB_ID = /^[0-9a-f-]{1,64}$/;
/** The socket's file name in /run/guest-services (metadata.json `vm.exposes.socket`). */
const SOCKET_NAME = 'archmatrix.sock';
export const DEFAULT_SOCKET_PATH = `/run/guest-services/${SOCKET_NAME}`;

/** Where POST /deep reads the variants: this machine's engine, or the registries. */
export const DEEP_SOURCES = ['local', 'registry'] as const;
export type DeepSource = (typeof DEEP_SOURCES)[number];
/** At most this many entries in POST /deep's `platforms`. */
export const MAX_PLATFORMS = 8;

export interface DeepRequestBody {
  readonly references: readonly string[];
  /** Default 'registry'. */
  readonly source?: DeepSource;
  /** Only with source 'registry': read only these variants, e.g. ["linux/arm64"]. */
  readonly platforms?: readonly string[];
}

/**
 * Why an item of source 'local' failed without reading anything (ItemError.name): no engine to read
 * (no socket, nothing answers, an API out of range), or the engine does not hold this variant.
 */
export const LOCAL_ITEM_ERRORS = ['local-unavailable', 'local-not-in-engine'] as const;
export type LocalItemError = (typeof LOCAL_ITEM_ERRORS)[number];

/** A linux variant of the image that was not read (another machine's, or not asked for). */
export interface NotReadVariant {
  readonly platform: string;
  /** Its manifest digest. */
  readonly digest: string;
  /** Its compressed layers' sum: at most what reading it from the registry downloads; null when unknown. */
  readonly bytesTotal: number | null;
}

export type DeepItemState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type DeepJobState = 'running' | 'done' | 'cancelled';
export type CancelReason = 'client' | 'abandoned' | 'shutdown';

export interface ItemError {
  /** e.g. 'timeout', 'bad-result', or the thrown error's name. */
  readonly name: string;
  readonly message: string;
}

export interface DeepItemSnapshot {
  /** As the request gave it. */
  readonly reference: string;
  /** parseReference's canonical form: what the deep check ran on. */
  readonly canonical: string;
  readonly state: DeepItemState;
  /** The latest progress the deep check reported (while running, and kept after). */
  readonly progress?: JsonValue;
  /** The deep check's result, when state is 'done': the JSON row, plus `notRead` (NotReadVariant[]). */
  readonly result?: JsonValue;
  /** Why, when state is 'failed'. */
  readonly error?: ItemError;
}

export interface DeepJobSnapshot {
  readonly id: string;
  readonly state: DeepJobState;
  readonly cancelReason?: CancelReason;
  /** In the request's order. */
  readonly items: readonly DeepItemSnapshot[];
  /** How long a caller should wait before the next GET /deep/<id>. */
  readonly pollAfterMs: number;
}

export interface HealthReply {
  readonly status: 'ok';
  readonly service: 'archmatrix-backend';
  readonly version: string;
  /** process.version and process.arch of the backend, e.g. "v22.23.5", "arm64". */
  readonly node: string;
  readonly arch: string;
  readonly deepCheck: 'available' | 'unavailable';
  /** Whether POST /deep with source 'local' can read this machine's engine (its image store). */
  readonly engine: 'available' | 'unavailable';
  /** Why, in one sentence, e.g. "Engine 28.5.2 (API 1.51) on /var/run/docker.sock.raw". */
  readonly engineReason: string;
  readonly jobs: { readonly running: number; readonly queuedItems: number };
}
