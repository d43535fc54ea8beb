/** From what was found (platforms, failure, source) to one verdict with an explanation and a fix. */
import { describeFailure } from './failure.js';
import { platformKey, RECOMMENDED_PLATFORMS, sortedPlatformKeys } from './platform.js';
import { parseReference, pushTarget } from './reference.js';
import type { CommandFailure, InspectSource, Platform, PlatformKey, VerdictDetail } from './types.js';

export interface VerdictInput {
  readonly reference: string;
  readonly platforms: readonly Platform[];
  readonly source: InspectSource;
  /** The platform of this machine (hostPlatform(ddClient.host.arch)); absent when unknown. */
  readonly host?: Platform;
  readonly failure?: CommandFailure;
  readonly invalidReason?: string;
  /** When source is local-store: why the registry could not answer. */
  readonly registryFailure?: CommandFailure;
}

const list = (keys: readonly PlatformKey[]): string => (keys.length === 0 ? 'no platform' : keys.join(', '));

/** The exact build command: the recommended platforms, the host's, and every linux platform already published. */
export function buildCommand(reference: string, have: readonly PlatformKey[], host?: Platform): string {
  const wanted = sortedPlatformKeys([
    ...RECOMMENDED_PLATFORMS,
    ...(host ? [platformKey(host)] : []),
    ...have.filter((k) => k.startsWith('linux/')),
  ]);
  const parsed = parseReference(reference);
  const target = parsed.ok ? pushTarget(parsed.value) : 'IMAGE:TAG';
  return `docker buildx build --platform=${wanted.join(',')} --tag=${target} --push .`;
}

function loginCommand(reference: string): string {
  const parsed = parseReference(reference);
  if (!parsed.ok || parsed.value.domain === 'docker.io') return 'docker login';
  return `docker login ${parsed.value.domain}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function fromFailure(input: VerdictInput, failure: CommandFailure): VerdictDetail {
  const said = failure.message ? `: ${firstLine(failure.message)}` : '';
  switch (failure.kind) {
    case 'not-found':
      return {
        verdict: 'not-found',
        explanation: `The registry has no such repository or tag${said}`,
        fix: `Check the name, or publish it: ${buildCommand(input.reference, [], input.host)}`,
      };
    case 'unauthorized':
      return { verdict: 'unauthorized', explanation: `The registry refused access${said}`, fix: `${loginCommand(input.reference)}, then refresh` };
    case 'unreachable':
    case 'timeout':
      return { verdict: 'unreachable', explanation: `The registry could not be reached${said}`, fix: describeFailure(failure) };
    case 'rate-limited':
    case 'tool-missing':
    case 'cancelled':
    case 'error':
      return { verdict: 'error', explanation: `The check failed (${failure.kind})${said}`, fix: describeFailure(failure) };
  }
}

export function decideVerdict(input: VerdictInput): VerdictDetail {
  if (input.invalidReason !== undefined) {
    return {
      verdict: 'invalid-reference',
      explanation: `Not a valid image reference: ${input.invalidReason}`,
      fix: 'Use a reference such as registry.example.com/org/name:tag (lowercase, no spaces or shell characters)',
    };
  }
  if (input.failure) return fromFailure(input, input.failure);
  const keys = sortedPlatformKeys(input.platforms.map(platformKey));
  const linux = keys.filter((k) => k.startsWith('linux/'));
  const build = buildCommand(input.reference, keys, input.host);
  if (input.source === 'local-store') {
    const why = input.registryFailure ? ` (registry: ${describeFailure(input.registryFailure)})` : '';
    return {
      verdict: 'local-only',
      explanation: `Only in the local image store, for ${list(keys)}; no registry has it${why}`,
      fix: build,
    };
  }
  if (linux.length === 0) {
    const explanation = keys.length === 0 ? 'No runnable platform at all: the index lists none' : `No linux platform: published for ${list(keys)} only`;
    return { verdict: 'unsupported-os', explanation, fix: build };
  }
  const hostKey = input.host ? platformKey(input.host) : undefined;
  const missing = RECOMMENDED_PLATFORMS.filter((k) => !keys.includes(k));
  if (hostKey !== undefined && !keys.includes(hostKey)) {
    return {
      verdict: 'incompatible',
      explanation: `Lacks ${hostKey}, this machine's platform (has ${list(linux)}): Docker Desktop will not install it here`,
      fix: build,
    };
  }
  if (missing.length > 0) {
    return {
      verdict: 'missing-platforms',
      explanation: `Published for ${list(linux)}; lacks ${missing.join(' and ')}`,
      fix: build,
    };
  }
  const extra = linux.length - RECOMMENDED_PLATFORMS.length;
  return {
    verdict: 'ready',
    explanation: `Published for ${RECOMMENDED_PLATFORMS.join(' and ')}${extra > 0 ? ` (+${extra} more)` : ''}`,
  };
}
