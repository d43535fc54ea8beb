/**
 * Starts the browser-mode HTTP server on 127.0.0.1 (never another address) with a fresh
 * per-start key. main.ts runs it for `npm start`; integration tests start it the same way.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { arch, hostname, platform } from 'node:os';
import type { ExecPort } from '../commands/execPort.js';
import { createApp } from './app.js';
import { COMMAND_TIMEOUT_MS, HTTP_LIMITS, MAX_RUNNING, MAX_RUNNING_PER_CLIENT, type HttpLimits } from './config.js';
import { KEY_FRAGMENT_PARAM, type StandinConfig } from '../wire/standinProtocol.js';
import { inProcessRelay, type VmRelay } from './vmRelay.js';
import { createRouter } from '../backend/router.js';

export const LOOPBACK = '127.0.0.1';

export interface ServerOptions {
  readonly port: number;
  readonly uiDir: string;
  readonly standinDir: string;
  readonly extensionImage: string;
  readonly exec: ExecPort;
  readonly isAllowed: (args: readonly string[]) => boolean;
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
  readonly maxRunning?: number;
  readonly maxRunningPerClient?: number;
  /** Default HTTP_LIMITS. */
  readonly limits?: HttpLimits;
  /** Where vm.service requests go; by default a backend in this process without the deep check (501). */
  readonly vm?: VmRelay;
}

export interface RunningServer {
  /** The URL to open, key included in the fragment (never sent to the server as part of a URL). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly key: string;
  /** The limits as the live server has them (read back from Node's http.Server). */
  readonly limits: Pick<HttpLimits, 'headersTimeoutMs' | 'requestTimeoutMs'>;
  close(): Promise<void>;
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const key = randomBytes(24).toString('base64url');
  const config: StandinConfig = {
    platform: platform(),
    arch: arch(),
    hostname: hostname(),
    extensionImage: options.extensionImage,
  };
  const holder: { server?: Server } = {};
  const port = (): number => {
    const address = holder.server?.address();
    return typeof address === 'object' && address !== null ? address.port : options.port;
  };
  const limits = options.limits ?? HTTP_LIMITS;
  const { uiDir, standinDir, exec, isAllowed, log } = options;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    createApp({
      port,
      key,
      config,
      uiDir,
      standinDir,
      exec,
      isAllowed,
      log,
      timeoutMs: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
      maxRunning: options.maxRunning ?? MAX_RUNNING,
      maxRunningPerClient: options.maxRunningPerClient ?? MAX_RUNNING_PER_CLIENT,
      vm:
        options.vm ??
        inProcessRelay(
          createRouter({ jobs: undefined, info: { version: '0.0.0', node: process.version, arch: arch() } }),
        ),
    }),
  );
  holder.server = server;
  const listening = server;
  return new Promise((resolve, rejectStart) => {
    listening.once('error', rejectStart);
    listening.listen(options.port, LOOPBACK, () => {
      listening.off('error', rejectStart);
      const origin = `http://${LOOPBACK}:${port()}`;
      resolve({
        url: `${origin}/#${KEY_FRAGMENT_PARAM}=${key}`,
        origin,
        port: port(),
        key,
        limits: { headersTimeoutMs: listening.headersTimeout, requestTimeoutMs: listening.requestTimeout },
        close: () =>
          new Promise<void>((done) => {
            listening.close(() => done());
            listening.closeAllConnections();
          }),
      });
    });
  });
}
