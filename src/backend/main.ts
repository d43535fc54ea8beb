/**
 * `node dist/node/backend/main.js` (in the image: CMD node /backend/dist/backend/main.js): Arch
 * Matrix's backend in Docker Desktop's VM, on /run/guest-services/archmatrix.sock (or
 * ARCHMATRIX_BACKEND_SOCKET). It runs no commands and listens on no TCP port.
 *
 * The deep check (issue 7: src/core/deep + the registry reader) is not wired yet: until it is,
 * POST /deep answers 501 'deep check not available yet' after validating the references.
 */
import { readVersion } from '../cli/version.js';
import { createBackend } from './backend.js';
import { readBackendConfig } from './config.js';

async function main(): Promise<number> {
  const config = readBackendConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`archmatrix-backend: ${config.error}\n`);
    return 2;
  }
  const backend = createBackend({
    info: { version: readVersion(), node: process.version, arch: process.arch },
    jobLimits: { concurrency: config.value.concurrency },
  });
  try {
    await backend.listen(config.value.socketPath);
  } catch (error) {
    process.stderr.write(`archmatrix-backend: cannot listen on ${config.value.socketPath}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`archmatrix-backend ${readVersion()} (node ${process.version}, ${process.arch}) listening on ${config.value.socketPath}\n`);
  // As PID 1 in a container, Node has no default handler for SIGTERM: stop cleanly on it.
  await new Promise<void>((done) => {
    const stop = (): void => {
      void backend.close().then(done);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`archmatrix-backend: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
