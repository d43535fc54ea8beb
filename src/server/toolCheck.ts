/** What `npm start` prints about docker and buildx before anyone opens the page. */
import type { EnvironmentStatus } from '../commands/environment.js';

export function describeEnvironment(status: EnvironmentStatus): readonly string[] {
  const lines: string[] = [];
  if (status.engine === 'tool-missing') {
    lines.push('warning: the `docker` CLI was not found on PATH: the matrix will stay empty until it is installed.');
  } else if (status.engine === 'unreachable') {
    lines.push('warning: the docker CLI cannot reach a Docker engine: is it running? Check DOCKER_HOST or `docker context`.');
  }
  if (status.engine !== 'tool-missing' && status.buildx === 'missing') {
    lines.push('warning: docker buildx was not found: Arch Matrix falls back to `docker manifest inspect` (slower, fewer details).');
  }
  return lines;
}
