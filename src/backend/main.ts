/**
 * `node dist/node/backend/main.js` (in the image: CMD node /backend/dist/backend/main.js): Arch
 * Matrix's backend in Docker Desktop's VM, on /run/guest-services/archmatrix.sock (or
 * ARCHMATRIX_BACKEND_SOCKET). It runs no commands and listens on no TCP port. ARCHMATRIX_BACKEND_CONCURRENCY
 * sets the checks run at once, ARCHMATRIX_BACKEND_DEADLINE each image's deadline in seconds (default 120).
 *
 * POST /deep runs the deep check, which reads inside each platform variant of an extension image (its
 * metadata.json and the host binaries and backend images it lists) to find what would fail on a
 * machine: src/deepCheck over the registry reader, with the index read
 * from the registry too (the VM has no docker CLI) and no credentials (Docker Desktop's VM cannot
 * reach the host's credential store). With source "local", this machine's variant is read from the
 * engine's local image store instead, through the socket Docker Desktop mounts at
 * /var/run/docker.sock.raw (ARCHMATRIX_ENGINE_SOCKET; read-only: allowlisted GETs only).
 */
import { readVersion } from '../runtime/version.js';
import { readBackendConfig } from './config.js';
import { createRegistryBackend } from './wiring.js';

async function main(): Promise<number> {
  const config = readBackendConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`archmatrix-backend: ${config.error}\n`);
    return 2;
  }
  const backend = createRegistryBackend({ concurrency: config.value.concurrency }, config.value.engineSocket, {
    deadlineMs: config.value.deadlineMs,
  });
  // Asked once at start (not waited for before listening): /health says what it found.
  const probed = backend.engine.probe();
  try {
    await backend.listen(config.value.socketPath);
  } catch (error) {
    process.stderr.write(
      `archmatrix-backend: cannot listen on ${config.value.socketPath}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `archmatrix-backend ${readVersion()} (node ${process.version}, ${process.arch}) listening on ${config.value.socketPath}\n`,
  );
  const engine = await probed;
  process.stdout.write(`archmatrix-backend: local image store ${engine.engine}: ${engine.engineReason}\n`);
  const signal = await stopSignal();
  process.stdout.write(`archmatrix-backend: ${signal}: cancelling running checks and closing the socket\n`);
  await backend.close();
  return 0;
}

/** As PID 1 in a container, Node has no default handler for SIGTERM: the backend waits for it itself. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, resolve);
  });
}

void main()
  .catch((error: unknown) => {
    process.stderr.write(
      `archmatrix-backend: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  })
  .then((code) => process.exit(code));
