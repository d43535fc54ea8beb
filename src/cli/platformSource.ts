/**
 * Where the CLI reads each image's platforms: `docker buildx imagetools inspect` (docker and buildx on
 * PATH), `docker manifest inspect` (docker without buildx), or the registry's HTTP API through the
 * registry reader when there is no docker CLI at all (e.g. `docker run IMAGE archmatrix ...` in the
 * extension's own image), as the extension's backend does.
 */
import pLimit from 'p-limit';
import type { InspectResult, Platform, PlatformSource } from '../core/index.js';
import type { EnvironmentStatus } from '../commands/environment.js';
import { inspectImage, DEFAULT_TIMEOUT_MS, type InspectTarget } from '../commands/inspectImage.js';
import { DEFAULT_CONCURRENCY } from '../commands/inspectMany.js';
import type { ExecPort } from '../commands/execPort.js';
import type { PlatformCheck } from '../deepCheck/ports.js';

/** Makes the registry reader's platform check (src/registry's registryPlatformCheck with docker's stored logins). */
export type RegistryPlatformCheckFactory = (options: {
  readonly host?: Platform;
  readonly timeoutMs: number;
}) => PlatformCheck;

export function platformSourceOf(environment: Pick<EnvironmentStatus, 'engine' | 'buildx'>): PlatformSource {
  if (environment.engine === 'tool-missing') return 'registry-api';
  return environment.buildx === 'available' ? 'buildx' : 'manifest-inspect';
}

export interface SourceOptions {
  readonly host?: Platform;
  readonly timeoutMs?: number;
}

/** The platform check of one reference from the chosen source (never rejects: a failure is a verdict). */
export function platformCheckFor(
  source: PlatformSource,
  exec: ExecPort,
  targets: readonly InspectTarget[],
  options: SourceOptions,
  registry: RegistryPlatformCheckFactory | undefined,
): PlatformCheck | undefined {
  if (source === 'registry-api') {
    return registry?.({
      ...(options.host ? { host: options.host } : {}),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }
  const byReference = new Map(targets.map((t) => [t.reference, t]));
  return (reference, signal) =>
    inspectImage(exec, byReference.get(reference) ?? { reference }, {
      buildx: source === 'buildx' ? 'available' : 'missing',
      host: options.host,
      timeoutMs: options.timeoutMs,
      signal,
    });
}

/** Every target through `check`, `concurrency` at a time, in input order; onResult as each one is done. */
export async function checkAll(
  check: PlatformCheck,
  targets: readonly InspectTarget[],
  options: {
    readonly concurrency?: number;
    readonly signal?: AbortSignal;
    readonly onResult: (r: InspectResult) => void;
  },
): Promise<InspectResult[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const signal = options.signal ?? new AbortController().signal;
  return Promise.all(
    targets.map((target) =>
      limit(async () => {
        const result = await check(target.reference, signal);
        options.onResult(result);
        return result;
      }),
    ),
  );
}
