/**
 * Arch Matrix's backend, assembled: the jobs of an injected deep check, the routes, and the HTTP
 * server on a Unix socket. `handle` answers a request in-process (browser mode's stand-in for
 * vm.service); `listen` serves the same routes on a socket (Docker Desktop's VM, tests).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { unlink } from 'node:fs/promises';
import type { BackendEngine } from './backendEngine.js';
import type { DeepCheck } from './deepCheckPort.js';
import { createBackendHttpServer, DEFAULT_HTTP_LIMITS, type HttpLimits } from './httpServer.js';
import { createJobStore, DEFAULT_JOB_LIMITS, type JobLimits, type JobStore } from './jobs.js';
import { createRouter, type Router } from './router.js';
import { listenPrivately, prepareSocketFile } from './socketFile.js';

export interface BackendOptions {
  /** The deep check; without it POST /deep answers 501 and /health says 'unavailable'. */
  readonly deepCheck?: DeepCheck;
  readonly info: { readonly version: string; readonly node: string; readonly arch: string };
  /** This machine's engine (source "local" and /health's `engine`); closed with the backend. */
  readonly engine?: BackendEngine;
  readonly jobLimits?: Partial<JobLimits>;
  readonly httpLimits?: Partial<HttpLimits>;
  /** How often abandoned and old jobs are swept; 0 turns the timer off (tests call sweep()). */
  readonly sweepEveryMs?: number;
  readonly now?: () => number;
}

export interface Backend {
  readonly handle: Router;
  /** Undefined while no deep check is wired. */
  readonly jobs: JobStore | undefined;
  /** Serves the routes on the Unix socket `path`, mode 0600 (a dead backend's socket there is replaced). */
  listen(path: string): Promise<void>;
  /** Cancels every job, waits for them, stops listening and removes the socket. */
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const jobs =
    options.deepCheck === undefined
      ? undefined
      : createJobStore({
          deepCheck: options.deepCheck,
          limits: { ...DEFAULT_JOB_LIMITS, ...options.jobLimits },
          now: options.now ?? Date.now,
          newId: randomUUID,
        });
  const { engine } = options;
  const handle = createRouter({
    jobs,
    info: options.info,
    ...(engine !== undefined ? { engine: () => engine.health() } : {}),
  });
  const sweepEveryMs = options.sweepEveryMs ?? 5_000;
  const sweeper = jobs !== undefined && sweepEveryMs > 0 ? setInterval(() => jobs.sweep(), sweepEveryMs) : undefined;
  sweeper?.unref();
  let server: Server | undefined;
  let socketPath: string | undefined;

  return {
    handle,
    jobs,
    async listen(path) {
      if (server !== undefined) throw new Error('the backend is already listening');
      const prepared = await prepareSocketFile(path);
      if (!prepared.ok) throw new Error(prepared.error);
      const created = createBackendHttpServer(handle, { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits });
      await listenPrivately(created, path);
      server = created;
      socketPath = path;
    },
    async close() {
      if (sweeper !== undefined) clearInterval(sweeper);
      await jobs?.close();
      await engine?.close();
      const running = server;
      server = undefined;
      if (running !== undefined) {
        running.closeAllConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
      }
      // Node removes the socket file on close; a leftover is removed here (never anything but ours).
      if (socketPath !== undefined) await unlink(socketPath).catch(() => undefined);
      socketPath = undefined;
    },
  };
}
