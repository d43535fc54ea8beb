/**
 * Where the project's test environment is (started by `test/env/testenv up`):
 * a real Docker engine, buildx, an open and a login-only registry, the seeded corpus.
 * Tests call loadTestEnv(); it fails loudly when the environment is not running,
 * so an integration test can never pass by skipping.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface TestEnv {
  /** Folder of the environment (TESTENV_DIR, default /tmp/archmatrix-testenv). */
  readonly dir: string;
  /** The docker CLI binary to run. */
  readonly dockerBin: string;
  /** Environment for child processes: DOCKER_HOST, DOCKER_CONFIG (credential-free, with buildx), PATH. */
  readonly env: NodeJS.ProcessEnv;
  /** host:port of the open registry, e.g. 127.0.0.1:5100. */
  readonly openRegistry: string;
  /** host:port of the registry that needs `docker login`. */
  readonly authRegistry: string;
  readonly authUser: string;
  readonly authPassword: string;
  /** host:port where nothing listens (connection refused). */
  readonly closedRegistry: string;
  /**
   * The never-pushed image: in the engine only, named on the open registry (which lacks it), so
   * looking it up never leaves the machine.
   */
  readonly localOnly: string;
}

export function loadTestEnv(): TestEnv {
  const dir = process.env.TESTENV_DIR ?? '/tmp/archmatrix-testenv';
  const openPort = process.env.TESTENV_PORT ?? '5100';
  const authPort = process.env.TESTENV_AUTH_PORT ?? '5101';
  const closedPort = process.env.TESTENV_CLOSED_PORT ?? '5199';
  const dockerBin = join(dir, 'bin', 'docker');
  const sock = join(dir, 'docker.sock');
  if (!existsSync(dockerBin) || !existsSync(sock)) {
    throw new Error(`The test environment is not running in ${dir}: run \`bash test/env/testenv up\` first.`);
  }
  return {
    dir,
    dockerBin,
    env: {
      ...process.env,
      DOCKER_HOST: `unix://${sock}`,
      DOCKER_CONFIG: join(dir, 'docker-config'),
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    },
    openRegistry: `127.0.0.1:${openPort}`,
    authRegistry: `127.0.0.1:${authPort}`,
    authUser: 'testuser',
    authPassword: 'testpass',
    closedRegistry: `127.0.0.1:${closedPort}`,
    localOnly: `127.0.0.1:${openPort}/local/dev-extension:latest`,
  };
}

/**
 * The second engine beside the first (`testenv up` starts both): dockerd 28.5.2, API 1.51, Debian sid,
 * with the classic image store (containerd snapshotter off), holding the same installed corpus.
 */
export interface TestEngine28 {
  /** unix://<dir>/docker28.sock, also exported by `testenv env` as TESTENV_ENGINE28_HOST. */
  readonly host: string;
  readonly socketPath: string;
  /** Its own docker CLI (28.5.2). */
  readonly dockerBin: string;
  /** Environment for child processes: DOCKER_HOST of this engine, the same credential-free DOCKER_CONFIG. */
  readonly env: NodeJS.ProcessEnv;
}

/** The second engine; fails loudly, like loadTestEnv, when it is not running. */
export function loadTestEngine28(env: TestEnv = loadTestEnv()): TestEngine28 {
  const socketPath = join(env.dir, 'docker28.sock');
  const dockerBin = join(env.dir, 'bin28', 'docker');
  if (!existsSync(dockerBin) || !existsSync(socketPath)) {
    throw new Error(
      `The test environment's second engine is not running in ${env.dir}: run \`bash test/env/testenv up\` first.`,
    );
  }
  const host = `unix://${socketPath}`;
  return {
    host,
    socketPath,
    dockerBin,
    env: { ...env.env, DOCKER_HOST: host, PATH: `${join(env.dir, 'bin28')}:${process.env.PATH ?? '/usr/bin:/bin'}` },
  };
}

/** The Authorization header value of the login-only registry's documented test user. */
export function authRegistryBasicAuth(env: Pick<TestEnv, 'authUser' | 'authPassword'>): string {
  return `Basic ${Buffer.from(`${env.authUser}:${env.authPassword}`).toString('base64')}`;
}
