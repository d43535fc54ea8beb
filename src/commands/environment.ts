/**
 * Can Arch Matrix work here? `docker version --format=json` (CLI present, engine reachable) and
 * `docker buildx version` (buildx present; else inspectImage uses `docker manifest inspect`), in parallel.
 * This file is the one home of the environment's states and of the words every front end uses for them
 * (the CLI's stderr, `npm start`'s log, the tab's banners): see environmentNotices.
 */
import { buildxVersion, engineVersion } from './dockerCommands.js';
import { failureOf, newContext, runIn, succeeded } from './inspectContext.js';
import type { ExecOutput, ExecPort } from './execPort.js';

/**
 * 'access-refused': browser mode's server refused the page's key (restarted server, or a page opened
 * without the key), so nothing could be asked of docker: neither the engine nor buildx is known.
 */
export type EngineState = 'ok' | 'unreachable' | 'tool-missing' | 'access-refused';
/** What inspectImage is told: 'missing' goes straight to `docker manifest inspect`. */
export type BuildxState = 'available' | 'missing';

export interface EnvironmentStatus {
  readonly engine: EngineState;
  readonly buildx: BuildxState;
  /** e.g. "0.13.1+ds1" from "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3". */
  readonly buildxVersion?: string;
  /** What is wrong, for people (the notices' messages); absent when all is well. */
  readonly message?: string;
  /** What docker said when the engine check failed (stderr, trimmed), for details. */
  readonly detail?: string;
}

export interface EnvironmentOptions {
  readonly signal?: AbortSignal;
  /** Default 15000. */
  readonly timeoutMs?: number;
}

export type EnvironmentProblem = 'access-refused' | 'docker-missing' | 'engine-unreachable' | 'buildx-missing';

/** One problem with the environment, in words: a banner in the tab, a line on stderr. */
export interface EnvironmentNotice {
  readonly id: EnvironmentProblem;
  /** An error stops the matrix; a warning only makes it slower or poorer. */
  readonly severity: 'error' | 'warning';
  readonly title: string;
  readonly message: string;
}

export const ENVIRONMENT_NOTICES: Readonly<Record<EnvironmentProblem, EnvironmentNotice>> = {
  'access-refused': {
    id: 'access-refused',
    severity: 'error',
    title: "This page's access key is stale or missing",
    message:
      'The Arch Matrix server refused the key this page holds (the server was restarted, or the page was opened without its key). Open the URL that `npm start` printed last (it ends in #key=...).',
  },
  'docker-missing': {
    id: 'docker-missing',
    severity: 'error',
    title: 'The docker CLI was not found on PATH',
    message: 'Install Docker (Docker Desktop or Docker Engine) and try again.',
  },
  'engine-unreachable': {
    id: 'engine-unreachable',
    severity: 'error',
    title: 'The Docker engine does not answer',
    message:
      'The docker CLI cannot reach a Docker engine: is it running? Check DOCKER_HOST or `docker context`, then refresh.',
  },
  'buildx-missing': {
    id: 'buildx-missing',
    severity: 'warning',
    title: 'docker buildx was not found',
    message:
      'Platforms are read with `docker manifest inspect` instead: slower, and it needs registry access for every image. Install the buildx plugin (https://github.com/docker/buildx#installing) for the full picture.',
  },
};

/**
 * The problems of an environment, worst first; empty when all is well. Without docker, buildx is not
 * mentioned; with a refused key, only the key is (nothing about docker was learnt).
 */
export function environmentNotices(status: Pick<EnvironmentStatus, 'engine' | 'buildx'>): EnvironmentNotice[] {
  if (status.engine === 'access-refused') return [ENVIRONMENT_NOTICES['access-refused']];
  const notices: EnvironmentNotice[] = [];
  if (status.engine === 'tool-missing') notices.push(ENVIRONMENT_NOTICES['docker-missing']);
  if (status.engine === 'unreachable') notices.push(ENVIRONMENT_NOTICES['engine-unreachable']);
  if (status.engine !== 'tool-missing' && status.buildx === 'missing')
    notices.push(ENVIRONMENT_NOTICES['buildx-missing']);
  return notices;
}

function engineState(output: ExecOutput): EngineState {
  if (succeeded(output)) return 'ok';
  if (output.interrupted === 'access-refused') return 'access-refused';
  return output.interrupted === 'spawn-failed' || failureOf(output).kind === 'tool-missing'
    ? 'tool-missing'
    : 'unreachable';
}

/** The second word of buildx's version line, when it looks like a version. */
function versionFrom(stdout: string): string | undefined {
  const word = stdout.trim().split(/\s+/)[1];
  return word !== undefined && /^v?\d+\.\d+/.test(word) ? word.replace(/^v/, '') : undefined;
}

export async function checkEnvironment(exec: ExecPort, options: EnvironmentOptions = {}): Promise<EnvironmentStatus> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const [engineOut, buildxOut] = await Promise.all([
    runIn(newContext(exec, timeoutMs, options.signal), engineVersion()),
    runIn(newContext(exec, timeoutMs, options.signal), buildxVersion()),
  ]);
  const engine = engineState(engineOut);
  const buildx: BuildxState = succeeded(buildxOut) ? 'available' : 'missing';
  const notices = environmentNotices({ engine, buildx });
  const detail = engine === 'ok' ? '' : failureOf(engineOut).message;
  return {
    engine,
    buildx,
    buildxVersion: buildx === 'available' ? versionFrom(buildxOut.stdout) : undefined,
    message: notices.length === 0 ? undefined : notices.map((n) => n.message).join(' '),
    detail: detail === '' ? undefined : detail,
  };
}
