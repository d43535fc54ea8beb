/**
 * The engine as the backend sees it: the local image store that POST /deep's source "local" reads
 * (through the read-only Engine API client, src/engine, and the local source, src/localStore), and
 * whether it can be read, for /health. Docker Desktop mounts the host engine's socket into the backend
 * container when the compose file asks (/var/run/docker.sock.raw); browser mode's in-process backend
 * uses DOCKER_HOST's Unix socket or the default one. With no socket, a tcp:// or ssh:// DOCKER_HOST, or
 * an engine whose API is out of range, the engine is 'unavailable' with the reason, and source "local"
 * fails without reading anything: nothing is downloaded instead.
 */
import { stat } from 'node:fs/promises';
import {
  err,
  hostPlatform,
  ok,
  platformKey,
  type ImageReference,
  type Platform,
  type PlatformKey,
  type Result,
} from '../core/index.js';
import {
  createEngineClient,
  engineHostFrom,
  engineImageName,
  formatApiVersion,
  type EngineClientOptions,
} from '../engine/index.js';
import {
  createLocalSource,
  type LocalFailure,
  type LocalSource,
  type LocalSourceOptions,
} from '../localStore/index.js';

/** How long the engine may take to say its version before it counts as unavailable. */
const NEGOTIATE_MS = 5_000;

export interface EngineHealth {
  readonly engine: 'available' | 'unavailable';
  readonly engineReason: string;
}

/** The engine's local store, ready to read, and the variant it holds for this machine. */
export interface ReadyEngine {
  readonly source: LocalSource;
  readonly host: PlatformKey;
  /** Whether the engine holds `reference` (GET /images/{name}/json, read-only), and its platform when it says. */
  findImage(reference: ImageReference, signal: AbortSignal): Promise<HeldImage | undefined>;
}

/** An image the engine holds by that name. */
export interface HeldImage {
  readonly platform?: Platform;
}

export interface BackendEngine {
  /** What /health says (as of the last probe or read). */
  health(): EngineHealth;
  /** Asks the engine (its version, negotiated once); /health follows the answer. */
  probe(): Promise<EngineHealth>;
  /** The local source when the engine answers, or why there is none (one sentence). */
  ready(): Promise<Result<ReadyEngine, string>>;
  /** A local read's failure about the engine as a whole turns /health to 'unavailable'. */
  noteFailure(failure: LocalFailure): void;
  /** Removes what the local source keeps. */
  close(): Promise<void>;
}

export type EngineSocket =
  { readonly kind: 'unix'; readonly socketPath: string } | { readonly kind: 'none'; readonly reason: string };

export interface BackendEngineOptions {
  readonly socket: EngineSocket;
  readonly engine?: Omit<EngineClientOptions, 'socketPath'>;
  readonly local?: Omit<LocalSourceOptions, 'engine'>;
  /** This machine's CPU (process.arch) when the engine does not say its own. */
  readonly nodeArch?: string;
}

export function createBackendEngine(options: BackendEngineOptions): BackendEngine {
  const { socket } = options;
  if (socket.kind === 'none') {
    const health: EngineHealth = { engine: 'unavailable', engineReason: socket.reason };
    return {
      health: () => health,
      probe: () => Promise.resolve(health),
      ready: () => Promise.resolve(err(socket.reason)),
      noteFailure: () => undefined,
      close: () => Promise.resolve(),
    };
  }
  const { socketPath } = socket;
  const client = createEngineClient({ ...options.engine, socketPath });
  let source: LocalSource | undefined;
  let health: EngineHealth = {
    engine: 'unavailable',
    engineReason: `the engine on ${socketPath} was not asked yet`,
  };
  const unavailable = (reason: string): string => {
    health = { engine: 'unavailable', engineReason: reason };
    return reason;
  };

  async function ready(): Promise<Result<ReadyEngine, string>> {
    const there = await stat(socketPath).then(
      (s) => s.isSocket(),
      () => false,
    );
    if (!there)
      return err(
        unavailable(
          `no engine socket at ${socketPath} (Docker Desktop mounts it when the extension's compose file asks for it)`,
        ),
      );
    const negotiated = await client.negotiate({ deadlineMs: NEGOTIATE_MS });
    if (!negotiated.ok) return err(unavailable(`the engine on ${socketPath}: ${negotiated.error.message}`));
    const { engine, api } = negotiated.value;
    const cpu = hostPlatform(engine.arch) ?? hostPlatform(options.nodeArch ?? process.arch);
    if (cpu === undefined)
      return err(unavailable(`the engine's CPU "${engine.arch.slice(0, 20)}" is not one extensions are built for`));
    health = {
      engine: 'available',
      engineReason: `Engine ${engine.version} (API ${formatApiVersion(api)}) on ${socketPath}`,
    };
    source ??= createLocalSource({ ...options.local, engine: client });
    return ok({ source, host: platformKey(cpu), findImage });
  }

  async function findImage(reference: ImageReference, signal: AbortSignal): Promise<HeldImage | undefined> {
    const name = engineImageName(reference.canonical);
    if (!name.ok) return undefined;
    const got = await client.inspect(name.value, { signal });
    if (!got.ok) return undefined;
    return got.value.platform === undefined ? {} : { platform: got.value.platform };
  }

  return {
    health: () => health,
    probe: async () => {
      await ready();
      return health;
    },
    ready,
    noteFailure: (failure) => {
      if (failure.kind === 'unavailable' || failure.kind === 'engine-api') unavailable(failure.message);
    },
    close: async () => {
      await source?.close();
    },
  };
}

/** Browser mode's engine: DOCKER_HOST's Unix socket, or the default one; tcp:// or ssh:// is none, with why. */
export function engineSocketFromDockerHost(dockerHost: string | undefined): EngineSocket {
  const host = engineHostFrom(dockerHost);
  return host.kind === 'unix' ? { kind: 'unix', socketPath: host.socketPath } : { kind: 'none', reason: host.message };
}
