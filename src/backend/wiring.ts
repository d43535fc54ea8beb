/**
 * Arch Matrix's backend as it runs for real: the deep check (deepCheckService.ts) reading the index
 * and files from the registry with no credentials, or this machine's variant from the engine's local
 * image store when POST /deep asks for source "local" and an engine socket is there (backendEngine.ts),
 * and this process's version, Node and CPU in /health. Docker Desktop's VM (main.ts) and browser
 * mode's in-process backend (src/server/main.ts) both start this one.
 */
import { readVersion } from '../runtime/version.js';
import { createRegistryReader, noCredentials, registryPlatformCheck } from '../registry/index.js';
import { createBackend, type Backend } from './app.js';
import { createBackendEngine, type BackendEngine, type EngineSocket } from './backendEngine.js';
import { createDeepCheckService } from './deepCheckService.js';
import type { JobLimits } from './jobs.js';

/** The backend and the engine it reads (probe it once at start so /health says so from the first call). */
export interface WiredBackend extends Backend {
  readonly engine: BackendEngine;
}

const NO_SOCKET: EngineSocket = { kind: 'none', reason: 'no engine socket was given to this backend' };

/** Time a check gets past its own deadline before its job item fails anyway (a check that ignores it). */
const ITEM_GRACE_MS = 60_000;

export function createRegistryBackend(
  jobLimits?: Partial<JobLimits>,
  engineSocket: EngineSocket = NO_SOCKET,
  deep: { readonly deadlineMs?: number } = {},
): WiredBackend {
  const engine = createBackendEngine({ socket: engineSocket });
  const platformCheck = registryPlatformCheck({ credentials: noCredentials });
  // One reader for the life of the backend: its cache (by digest, never stale) makes a second check free.
  const deepCheck = createDeepCheckService({
    platformCheck,
    reader: createRegistryReader({ credentials: noCredentials }),
    engine,
    ...(deep.deadlineMs !== undefined ? { limits: { deadlineMs: deep.deadlineMs } } : {}),
  });
  const itemTimeout = deep.deadlineMs !== undefined ? { itemTimeoutMs: deep.deadlineMs + ITEM_GRACE_MS } : {};
  const backend = createBackend({
    deepCheck,
    engine,
    info: { version: readVersion(), node: process.version, arch: process.arch },
    jobLimits: { ...itemTimeout, ...jobLimits },
  });
  return { ...backend, engine };
}
