#!/usr/bin/env node
/** `archmatrix`: wires the real process (argv, streams, docker on PATH) to runCli. */
import { arch } from 'node:os';
import { createNodeExec } from '../adapters/nodeExec.js';
import { runCli } from './run.js';
import { readVersion } from './version.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

const code = await runCli({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  nodeArch: arch(),
  // buildx commands start the buildx plugin directly (1 process, not 3); ARCHMATRIX_BUILDX=docker opts out.
  exec: createNodeExec({ env: process.env, buildx: 'direct' }),
  version: () => readVersion(),
  signal: controller.signal,
});
process.exitCode = controller.signal.aborted ? 130 : code;
