/**
 * Arch Matrix's backend as it runs for real: the deep check (deepCheckService.ts) reading the index
 * and files from the registry with no credentials, and this process's version, Node and CPU in
 * /health. Docker Desktop's VM (main.ts) and browser mode's in-process backend (src/server/main.ts)
 * both start this one.
 */
import { readVersion } from '../runtime/version.js';
import { createRegistryReader, noCredentials, registryPlatformCheck } from '../registry/index.js';
import { createBackend, type Backend } from './app.js';
import { createDeepCheckService } from './deepCheckService.js';
import type { JobLimits } from './jobs.js';

/** Time a check gets past its own deadline before its job item fails anyway (a check that ignores it). */
const ITEM_GRACE_MS = 60_000;

export function createRegistryBackend(
  jobLimits?: Partial<JobLimits>,
  deep: { readonly deadlineMs?: number } = {},
): Backend {
  // One reader for the life of the backend: its cache (by digest, never stale) makes a second check free.
  const deepCheck = createDeepCheckService({
    platformCheck: registryPlatformCheck({ credentials: noCredentials }),
    reader: createRegistryReader({ credentials: noCredentials }),
    ...(deep.deadlineMs !== undefined ? { limits: { deadlineMs: deep.deadlineMs } } : {}),
  });
  const itemTimeout = deep.deadlineMs !== undefined ? { itemTimeoutMs: deep.deadlineMs + ITEM_GRACE_MS } : {};
  return createBackend({
    deepCheck,
    info: { version: readVersion(), node: process.version, arch: process.arch },
    jobLimits: { ...itemTimeout, ...jobLimits },
  });
}
