/**
 * Where the docker CLI finds its buildx plugin, and whether the Node adapter may run it directly.
 * Run standalone (`docker-buildx imagetools inspect ...`, no leading "buildx"), buildx does the same
 * work with one process instead of three (docker CLI, the plugin's metadata call, the plugin).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

/** 'via-docker': `docker buildx ...` as Docker Desktop runs it; 'direct': the plugin binary itself. */
export type BuildxRoute = 'via-docker' | 'direct';

/** The folders docker searches for CLI plugins, in docker's order. */
export function pluginDirs(env: NodeJS.ProcessEnv): string[] {
  const config =
    env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== ''
      ? env.DOCKER_CONFIG
      : env.HOME !== undefined && env.HOME !== ''
        ? join(env.HOME, '.docker')
        : undefined;
  return [
    ...(config !== undefined ? [join(config, 'cli-plugins')] : []),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
  ];
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable docker-buildx in docker's plugin folders, or undefined. */
export function findBuildxPlugin(env: NodeJS.ProcessEnv): string | undefined {
  return pluginDirs(env)
    .map((dir) => join(dir, 'docker-buildx'))
    .find(isExecutableFile);
}

/** ARCHMATRIX_BUILDX=docker forces `docker buildx ...` whatever the caller asked for. */
export function buildxRoute(requested: BuildxRoute, env: NodeJS.ProcessEnv): BuildxRoute {
  return env.ARCHMATRIX_BUILDX === 'docker' ? 'via-docker' : requested;
}
