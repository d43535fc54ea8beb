/**
 * A TEMPORARY DOCKER_CONFIG (the environment's buildx plugin linked in) with a real
 * `docker login` into the login-only registry. The environment's own config stays credential-free.
 * The login is the test's doing, not Arch Matrix's: the extension itself never runs `docker login`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEnv } from '../env/testEnv.js';

export interface LoggedInConfig {
  /** env.env with DOCKER_CONFIG pointing at the logged-in copy. */
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  readonly remove: () => void;
}

export function loggedInConfig(testEnv: TestEnv): LoggedInConfig {
  const source = testEnv.env.DOCKER_CONFIG;
  if (source === undefined) throw new Error('the test environment sets no DOCKER_CONFIG');
  const dir = mkdtempSync(join(tmpdir(), 'archmatrix-login-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  // The buildx plugin is found through DOCKER_CONFIG/cli-plugins: link it rather than copy ~60 MB.
  const plugins = join(source, 'cli-plugins');
  if (existsSync(plugins)) symlinkSync(plugins, join(dir, 'cli-plugins'));
  const env = { ...testEnv.env, DOCKER_CONFIG: dir };
  const login = spawnSync(
    testEnv.dockerBin,
    ['login', testEnv.authRegistry, '--username', testEnv.authUser, '--password-stdin'],
    {
      env,
      input: testEnv.authPassword,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (login.status !== 0) {
    remove();
    throw new Error(`docker login ${testEnv.authRegistry} failed (${String(login.status)}): ${login.stderr}`);
  }
  return { env, dir, remove };
}
