/**
 * Can Arch Matrix work here? `docker version --format=json` (CLI present, engine reachable) and
 * `docker buildx version` (buildx present; else inspectImage uses `docker manifest inspect`), in parallel.
 */
import { describeFailure } from '../core/index.js';
import { buildxVersion, engineVersion } from './dockerCommands.js';
import { failureOf, runIn, succeeded } from './inspectContext.js';
import type { InspectContext } from './inspectContext.js';
import type { ExecOutput, ExecPort } from './port.js';

export interface EnvironmentStatus {
  readonly engine: 'ok' | 'unreachable' | 'tool-missing';
  readonly buildx: 'ok' | 'missing';
  /** e.g. "0.13.1+ds1" from "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3". */
  readonly buildxVersion?: string;
  /** What is wrong, for people; absent when all is well. */
  readonly message?: string;
}

export interface EnvironmentOptions {
  readonly signal?: AbortSignal;
  /** Default 15000. */
  readonly timeoutMs?: number;
}

function engineState(output: ExecOutput): EnvironmentStatus['engine'] {
  if (succeeded(output)) return 'ok';
  return output.interrupted === 'spawn-failed' || failureOf(output).kind === 'tool-missing' ? 'tool-missing' : 'unreachable';
}

/** The second word of buildx's version line, when it looks like a version. */
function versionFrom(stdout: string): string | undefined {
  const word = stdout.trim().split(/\s+/)[1];
  return word !== undefined && /^v?\d+\.\d+/.test(word) ? word.replace(/^v/, '') : undefined;
}

export async function checkEnvironment(exec: ExecPort, options: EnvironmentOptions = {}): Promise<EnvironmentStatus> {
  const ctx = (): InspectContext => ({
    exec,
    records: [],
    deadline: Date.now() + (options.timeoutMs ?? 15_000),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const [engineOut, buildxOut] = await Promise.all([runIn(ctx(), engineVersion()), runIn(ctx(), buildxVersion())]);
  const engine = engineState(engineOut);
  const buildx = succeeded(buildxOut) ? 'ok' : 'missing';
  const version = buildx === 'ok' ? versionFrom(buildxOut.stdout) : undefined;
  const messages: string[] = [];
  if (engine !== 'ok') messages.push(describeFailure(failureOf(engineOut)));
  if (buildx === 'missing' && engine !== 'tool-missing') {
    messages.push('docker buildx is not available: platforms are read with `docker manifest inspect` instead.');
  }
  return {
    engine,
    buildx,
    ...(version === undefined ? {} : { buildxVersion: version }),
    ...(messages.length === 0 ? {} : { message: messages.join(' ') }),
  };
}
