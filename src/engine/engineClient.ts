/**
 * A read-only Engine API client over a Unix socket. Read-only by construction: it can only make the
 * allowlisted GETs of engineCalls.ts, each checked again by the transport before the socket sees it.
 * It negotiates the API version once (GET /version) and uses a call's newer parts only where that
 * version offers them. Every call has a deadline, the caller's AbortSignal and a byte cap; it never
 * rejects: failures come back typed (EngineFailure).
 */
import { Transform, type Readable } from 'node:stream';
import { err, ok, type Platform, type Result } from '../core/index.js';
import { API_FEATURES, atLeast, negotiateApiVersion, type ApiVersion } from './apiVersion.js';
import {
  parseEngineImageDetail,
  parseEngineImages,
  parseEngineVersion,
  type EngineImage,
  type EngineImageDetail,
  type EngineVersion,
} from './engineAnswers.js';
import { engineCallPath, type EngineCall, type EngineImageName } from './engineCalls.js';
import { EngineError, engineFailure, failureOf, type EngineFailure } from './engineFailure.js';
import { engineGet, type EngineAnswer, type EngineRequestRecord } from './engineTransport.js';
import { answerFailure, readCapped } from './engineBodies.js';
import { callSignals, type CallSignals } from './signals.js';

export interface EngineLimits {
  /** Deadline of a JSON call given no deadline (default 15 s). */
  readonly callDeadlineMs: number;
  /** Deadline of an export given no deadline (default 10 min). */
  readonly exportDeadlineMs: number;
  /** Bytes of a JSON answer (default 16 MiB). */
  readonly maxJsonBytes: number;
  /** Bytes of an export (default 2 GiB). */
  readonly maxExportBytes: number;
}

export const DEFAULT_ENGINE_LIMITS: EngineLimits = {
  callDeadlineMs: 15_000,
  exportDeadlineMs: 600_000,
  maxJsonBytes: 16 * 1024 * 1024,
  maxExportBytes: 2 * 1024 * 1024 * 1024,
};

export interface EngineCallOptions {
  /** The caller's cancel. */
  readonly signal?: AbortSignal;
  /** A deadline shared with other work (e.g. the per-image deadline); wins over deadlineMs. */
  readonly deadline?: AbortSignal;
  readonly deadlineMs?: number;
  /** This call's byte cap (at most the client's limit). */
  readonly maxBytes?: number;
}

/** The engine as negotiated: its version and the API version spoken with it. */
export interface NegotiatedEngine {
  readonly engine: EngineVersion;
  readonly api: ApiVersion;
}

/** An export (what `docker save` writes) as it streams in: a tar, capped, ended by the deadline or a cancel. */
export interface EngineExport {
  readonly body: Readable;
  /** Bytes received so far. */
  bytes(): number;
}

export interface EngineClientOptions {
  readonly socketPath: string;
  readonly limits?: Partial<EngineLimits>;
  /** Sees every request as sent (after the allowlist check). */
  readonly onRequest?: (record: EngineRequestRecord) => void;
}

export interface EngineClient {
  readonly socketPath: string;
  ping(options?: EngineCallOptions): Promise<Result<true, EngineFailure>>;
  /** GET /version, negotiated once and remembered (again after a failure). */
  negotiate(options?: EngineCallOptions): Promise<Result<NegotiatedEngine, EngineFailure>>;
  /** GET /images/json, with each image's per-platform manifests where the API offers them. */
  images(options?: EngineCallOptions): Promise<Result<EngineImage[], EngineFailure>>;
  inspect(name: EngineImageName, options?: EngineCallOptions): Promise<Result<EngineImageDetail, EngineFailure>>;
  /** GET /images/{name}/get, only `platform`'s variant where the API offers it (1.48+). */
  exportImage(
    name: EngineImageName,
    platform: Platform | undefined,
    options?: EngineCallOptions,
  ): Promise<Result<EngineExport, EngineFailure>>;
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const limits: EngineLimits = { ...DEFAULT_ENGINE_LIMITS, ...options.limits };
  const { socketPath } = options;
  let negotiated: Promise<Result<NegotiatedEngine, EngineFailure>> | undefined;

  const signalsOf = (o: EngineCallOptions, defaultMs: number, what: string): CallSignals =>
    callSignals(o.deadline ?? AbortSignal.timeout(o.deadlineMs ?? defaultMs), o.signal, what);

  async function send(call: EngineCall, api: ApiVersion | undefined, signals: CallSignals): Promise<EngineAnswer> {
    const path = engineCallPath(call, api);
    if (!path.ok) throw new EngineError(engineFailure('refused', `the ${call.call} call was refused: ${path.error}`));
    return engineGet(socketPath, path.value, { ...signals, onRequest: options.onRequest });
  }

  /** A JSON call: the whole answer (capped), parsed. */
  async function jsonCall<T>(
    call: EngineCall,
    api: ApiVersion | undefined,
    o: EngineCallOptions,
    parse: (bytes: Uint8Array) => Result<T, string>,
  ): Promise<Result<T, EngineFailure>> {
    const signals = signalsOf(o, limits.callDeadlineMs, `the ${call.call} call`);
    try {
      const answer = await send(call, api, signals);
      if (answer.status !== 200) return err(await answerFailure(answer, call));
      const bytes = await readCapped(answer.body, Math.min(o.maxBytes ?? limits.maxJsonBytes, limits.maxJsonBytes));
      const parsed = parse(bytes);
      return parsed.ok ? parsed : err(engineFailure('bad-answer', parsed.error));
    } catch (e) {
      return err(signals.signal.aborted ? signals.abortFailure() : failureOf(e));
    } finally {
      signals.dispose();
    }
  }

  function negotiate(o: EngineCallOptions = {}): Promise<Result<NegotiatedEngine, EngineFailure>> {
    negotiated ??= jsonCall({ call: 'version' }, undefined, o, parseEngineVersion).then((version) => {
      if (!version.ok) return version;
      const api = negotiateApiVersion(version.value.apiVersion, version.value.minApiVersion);
      return api.ok
        ? ok({ engine: version.value, api: api.value })
        : err(engineFailure(api.error.kind, api.error.message));
    });
    const pending = negotiated;
    void pending.then((r) => {
      if (!r.ok && negotiated === pending) negotiated = undefined;
    });
    return pending;
  }

  async function withApi<T>(
    o: EngineCallOptions,
    then: (api: ApiVersion) => Promise<Result<T, EngineFailure>>,
  ): Promise<Result<T, EngineFailure>> {
    const engine = await negotiate(o);
    return engine.ok ? then(engine.value.api) : engine;
  }

  const ping = async (o: EngineCallOptions = {}): Promise<Result<true, EngineFailure>> =>
    jsonCall({ call: 'ping' }, undefined, o, () => ok(true as const));

  const images = (o: EngineCallOptions = {}): Promise<Result<EngineImage[], EngineFailure>> =>
    withApi(o, (api) =>
      jsonCall({ call: 'images', manifests: atLeast(api, API_FEATURES.imageManifests) }, api, o, parseEngineImages),
    );

  const inspect = (
    name: EngineImageName,
    o: EngineCallOptions = {},
  ): Promise<Result<EngineImageDetail, EngineFailure>> =>
    withApi(o, (api) => jsonCall({ call: 'inspect', name }, api, o, parseEngineImageDetail));

  const exportImage = (
    name: EngineImageName,
    platform: Platform | undefined,
    o: EngineCallOptions = {},
  ): Promise<Result<EngineExport, EngineFailure>> =>
    withApi(o, async (api) => {
      const call: EngineCall = {
        call: 'export',
        name,
        ...(platform !== undefined && atLeast(api, API_FEATURES.exportPlatform) ? { platform } : {}),
      };
      const signals = signalsOf(o, limits.exportDeadlineMs, 'the export');
      try {
        const answer = await send(call, api, signals);
        if (answer.status !== 200) {
          signals.dispose();
          return err(await answerFailure(answer, call));
        }
        return ok(capped(answer.body, Math.min(o.maxBytes ?? limits.maxExportBytes, limits.maxExportBytes), signals));
      } catch (e) {
        const failure = signals.signal.aborted ? signals.abortFailure() : failureOf(e);
        signals.dispose();
        return err(failure);
      }
    });

  return { socketPath, ping, negotiate, images, inspect, exportImage };
}

/**
 * The body passed through while counting; past `max` bytes it fails with 'too-large' and the answer is
 * dropped. A body ended by the call's signal fails with its timeout or cancel; cut short otherwise, 'bad-answer'.
 */
function capped(body: Readable, max: number, signals: CallSignals): EngineExport {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength;
      if (received > max) {
        callback(new EngineError(engineFailure('too-large', `the export is larger than its cap (${max} bytes)`)));
        return;
      }
      callback(null, chunk);
    },
  });
  const fail = (e: unknown): void => {
    if (signals.signal.aborted) counter.destroy(new EngineError(signals.abortFailure()));
    else counter.destroy(e instanceof EngineError ? e : new EngineError(cutShort(e)));
  };
  body.on('error', fail);
  body.on('aborted', () => fail(undefined));
  counter.on('close', () => {
    if (!body.destroyed) body.destroy();
    signals.dispose();
  });
  body.pipe(counter);
  return { body: counter, bytes: () => received };
}

const cutShort = (e: unknown): EngineFailure =>
  engineFailure('bad-answer', `the engine's answer was cut short${e instanceof Error ? ` (${e.message})` : ''}`);
