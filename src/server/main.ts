/**
 * `npm start`: browser mode. Serves the built UI (dist/ui) on http://127.0.0.1:PORT with a
 * stand-in window.ddClient that runs the allowlisted read-only docker commands through this
 * server, using the docker CLI on PATH with the caller's DOCKER_HOST / DOCKER_CONFIG.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeExec } from '../adapters/nodeExec.js';
import { isReadOnlyCommand } from '../commands/allowlist.js';
import { checkEnvironment } from '../commands/environment.js';
import type { Backend } from '../backend/app.js';
import { engineSocketFromDockerHost } from '../backend/backendEngine.js';
import { createRegistryBackend } from '../backend/wiring.js';
import { describeEnvironment, printable, readSettings, VM_REQUEST_TIMEOUT_MS } from './config.js';
import { startServer } from './server.js';
import { inProcessRelay, socketRelay, type VmRelay } from './vmRelay.js';

const here = dirname(fileURLToPath(import.meta.url));
const uiDir = resolve(here, '../../ui');
// The stand-in ddClient, built by Vite (`npm run build:standin`) into dist/standin.
const standinDir = resolve(here, '../../standin');

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  if (!settings.ok) {
    process.stderr.write(`archmatrix: ${settings.error}\n`);
    return 2;
  }
  if (!existsSync(join(uiDir, 'index.html')) || !existsSync(join(standinDir, 'install.js'))) {
    process.stderr.write(
      `archmatrix: the UI is not built (${uiDir}): run \`npm run build\` first (\`npm start\` does).\n`,
    );
    return 1;
  }
  // buildx commands start the buildx plugin directly (1 process, not 3); ARCHMATRIX_BUILDX=docker opts out.
  const exec = createNodeExec({ env: process.env, buildx: 'direct' });
  // vm.service: a running backend's socket when ARCHMATRIX_BACKEND_SOCKET names one, else the backend in this process.
  const socket = settings.value.backendSocket;
  let local: Backend | undefined;
  let vm: VmRelay;
  if (socket === undefined) {
    // The backend module itself, as in Docker Desktop's VM: the index and files from the registry, no credentials,
    // and this machine's variant from the engine of DOCKER_HOST (a Unix socket) or the default socket.
    const inProcess = createRegistryBackend(undefined, engineSocketFromDockerHost(process.env.DOCKER_HOST));
    void inProcess.engine.probe();
    local = inProcess;
    vm = inProcessRelay(local.handle);
  } else {
    vm = socketRelay(socket, VM_REQUEST_TIMEOUT_MS);
  }
  let server;
  try {
    server = await startServer({
      port: settings.value.port,
      uiDir,
      standinDir,
      extensionImage: settings.value.extensionImage,
      exec,
      isAllowed: isReadOnlyCommand,
      vm,
      log: (line) => process.stderr.write(`archmatrix: ${printable(line)}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE' ? `port ${settings.value.port} is in use: choose another with PORT=...` : String(error);
    process.stderr.write(`archmatrix: cannot listen on 127.0.0.1: ${reason}\n`);
    return 1;
  }
  process.stdout.write(`Arch Matrix (browser mode) is serving ${server.url}\n`);
  process.stdout.write('Open that URL in a browser; the key after # changes on every start. Ctrl+C stops.\n');
  process.stderr.write(
    `archmatrix: vm.service goes to ${socket === undefined ? 'the backend in this process' : `the backend on ${socket}`}\n`,
  );
  for (const line of describeEnvironment(await checkEnvironment(exec))) process.stderr.write(`archmatrix: ${line}\n`);

  const running = server;
  await new Promise<void>((done) => {
    const stop = (): void => {
      void Promise.all([running.close(), local?.close()]).then(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`archmatrix: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
