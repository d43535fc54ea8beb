#!/usr/bin/env node
/** `archmatrix`: wires the real process (argv, streams, docker on PATH) to runCli. */
import { setMaxListeners } from 'node:events';
import { arch, platform } from 'node:os';
import { createNodeExec } from '../adapters/nodeExec.js';
import { dockerConfigCredentials } from '../adapters/dockerCredentials.js';
import { localSourceFromEnv } from '../localStore/index.js';
import {
  createRegistryReader,
  registryImageLabels,
  registryPlatformCheck,
  type RegistryReader,
} from '../registry/index.js';
import { runCli } from './run.js';
import { readVersion } from '../runtime/version.js';

const controller = new AbortController();
// Every read of the images checked at once listens on this one cancel (each takes its listener off when it
// ends): dozens at a time is expected, not a leak, so Node's warning past 10 would only be noise.
setMaxListeners(256, controller.signal);
let reader: RegistryReader | undefined;
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

const code = await runCli({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  nodeArch: arch(),
  nodePlatform: platform(),
  // buildx commands start the buildx plugin directly (1 process, not 3); ARCHMATRIX_BUILDX=docker opts out.
  exec: createNodeExec({ env: process.env, buildx: 'direct' }),
  version: () => readVersion(),
  signal: controller.signal,
  // --deep: registry reads with the logins `docker login` stored (DOCKER_CONFIG honoured); cache in memory only.
  deepReader: () => (reader ??= createRegistryReader({ credentials: dockerConfigCredentials({ env: process.env }) })),
  // --deep without references: this machine's variant from the engine of DOCKER_HOST (a Unix socket).
  localSource: () => localSourceFromEnv(process.env.DOCKER_HOST),
  // No docker CLI (e.g. `docker run IMAGE archmatrix ...`): platforms straight from the registries, same logins.
  // --validate: each image's labels from its registry, same logins.
  labelsReader: () => registryImageLabels({ credentials: dockerConfigCredentials({ env: process.env }) }),
  registryPlatformCheck: (options) =>
    registryPlatformCheck({ credentials: dockerConfigCredentials({ env: process.env }), ...options }),
});
process.exitCode = controller.signal.aborted ? 130 : code;
