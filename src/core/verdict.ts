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

/** "The registry 127.0.0.1:5101", for the start of a sentence. */
function registryOf(reference: string): string {
  const parsed = parseReference(reference);
  return parsed.ok ? `The registry ${parsed.value.domain}` : 'The registry';
}

/** `docker login HOST` for the reference's registry (plain `docker login` for Docker Hub or an invalid reference). */
export function loginCommand(reference: string): string {
  const parsed = parseReference(reference);
  if (!parsed.ok || parsed.value.domain === 'docker.io') return 'docker login';
  return `docker login ${parsed.value.domain}`;
}

/** What a failed check means, in one line for people; the registry's own words stay in `failure.message`. */
const FAILURE_WORDS: Readonly<Record<CommandFailure['kind'], (registry: string) => string>> = {
  'not-found': (registry) => `${registry} has no such repository or tag`,
  unauthorized: (registry) => `${registry} refused access: a login is needed`,
  unreachable: (registry) => `${registry} could not be reached`,
  timeout: (registry) => `${registry} did not answer in time`,
  'rate-limited': (registry) => `${registry} is rate limiting requests`,
  'tool-missing': () => 'docker buildx is not available, so the registry could not be asked',
  cancelled: () => 'The check was cancelled before it finished',
  'access-refused': () => "Not checked: the browser-mode server refused this page's key",
  error: () => 'docker reported an unexpected error',
};

/** For someone who installed the image and cannot rebuild it: update, or tell its publisher. */
export function updateOrTell(what: string, theirs = "the build command is the publisher's fix"): string {
  return `Check for an update of this extension; if there is none, tell its publisher ${what} (${theirs})`;
}

function fromFailure(input: VerdictInput, failure: CommandFailure): VerdictDetail {
  const explanation = FAILURE_WORDS[failure.kind](registryOf(input.reference));
  switch (failure.kind) {
    case 'not-found': {
      const build = buildCommand(input.reference, [], input.host);
      return {
        verdict: 'not-found',
        explanation,
        fix: `Check the name, or publish it: ${build}`,
        userFix:
          'Check the name and tag; if they are right, the publisher has taken the image down: check for an update, or tell its publisher',
        publisherFix: build,
      };
    }
    case 'unauthorized': {
      const login = `${loginCommand(input.reference)}, then refresh`;
      return { verdict: 'unauthorized', explanation, fix: login, userFix: login };
    }
    case 'unreachable':
    case 'timeout':
      return { verdict: 'unreachable', explanation, fix: describeFailure(failure), userFix: describeFailure(failure) };
    case 'rate-limited':
    case 'tool-missing':
    case 'cancelled':
    case 'access-refused':
    case 'error':
      return { verdict: 'error', explanation, fix: describeFailure(failure), userFix: describeFailure(failure) };
  }
}

const INVALID_FIX =
  'Use a reference such as registry.example.com/org/name:tag (lowercase, no spaces or shell characters)';

export function decideVerdict(input: VerdictInput): VerdictDetail {
  if (input.invalidReason !== undefined) {
    return {
      verdict: 'invalid-reference',
      explanation: `Not a valid image reference: ${input.invalidReason}`,
      fix: INVALID_FIX,
      userFix: INVALID_FIX,
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
      userFix:
        "If you built it, push it with the publisher's command; otherwise install it again from its publisher's registry",
      publisherFix: build,
    };
  }
  if (linux.length === 0) {
    const explanation =
      keys.length === 0
        ? 'No runnable platform at all: the index lists none'
        : `No linux platform: published for ${list(keys)} only`;
    return {
      verdict: 'unsupported-os',
      explanation,
      fix: build,
      userFix: updateOrTell('that it has no linux image'),
      publisherFix: build,
    };
  }
  const hostKey = input.host ? platformKey(input.host) : undefined;
  const missing = RECOMMENDED_PLATFORMS.filter((k) => !keys.includes(k));
  if (hostKey !== undefined && !keys.includes(hostKey)) {
    return {
      verdict: 'incompatible',
      explanation: `This machine is ${hostKey}; the image is published only for ${list(keys)}: Docker Desktop will not install it here`,
      fix: build,
      userFix: updateOrTell(`that it lacks ${hostKey}`),
      publisherFix: build,
    };
  }
  if (missing.length > 0) {
    return {
      verdict: 'missing-platforms',
      explanation: `Published for ${list(linux)}; lacks ${missing.join(' and ')}`,
      fix: build,
      userFix:
        hostKey === undefined
          ? updateOrTell(`that it lacks ${missing.join(' and ')}`)
          : `Nothing to do on this machine (${hostKey}); users on ${missing.join(' and ')} cannot install it: tell its publisher (the build command is the publisher's fix)`,
      publisherFix: build,
    };
  }
  const extra = linux.length - RECOMMENDED_PLATFORMS.length;
  return {
    verdict: 'ready',
    explanation: `Published for ${RECOMMENDED_PLATFORMS.join(' and ')}${extra > 0 ? ` (+${extra} more)` : ''}`,
  };
}
