/**
 * Engine API versions: which one Arch Matrix speaks with an engine, and which calls that version offers.
 * The engine says its own range in GET /version (ApiVersion, MinAPIVersion); the client uses the highest
 * version both sides know, as the docker CLI does, and never a call the engine's version lacks.
 */
import { err, ok, type Result } from '../core/index.js';

/** "1.45" as numbers; only major 1 exists. */
export interface ApiVersion {
  readonly major: 1;
  readonly minor: number;
}

/** The oldest API the allowlist accepts: Docker Engine 20.10 (its `docker save` writes a docker-archive). */
export const MIN_API_VERSION: ApiVersion = { major: 1, minor: 41 };
/** The newest API the allowlist knows: Docker Engine 28.5 (what Docker Desktop ships). */
export const MAX_API_VERSION: ApiVersion = { major: 1, minor: 51 };

/** The first API version offering each optional part of the allowlisted calls. */
export const API_FEATURES = {
  /** GET /images/json?manifests=1: each image's per-platform manifests (containerd image store). */
  imageManifests: { major: 1, minor: 47 },
  /** GET /images/{name}/get?platform=...: export one platform's variant only. */
  exportPlatform: { major: 1, minor: 48 },
} as const satisfies Record<string, ApiVersion>;

const VERSION = /^1\.(0|[1-9]\d{0,2})$/;

export function parseApiVersion(text: unknown): ApiVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const match = VERSION.exec(text);
  return match ? { major: 1, minor: Number(match[1]) } : undefined;
}

export const formatApiVersion = (v: ApiVersion): string => `${v.major}.${v.minor}`;

export const atLeast = (v: ApiVersion, min: ApiVersion): boolean => v.minor >= min.minor;

export type NegotiationProblem =
  | { readonly kind: 'api-too-old'; readonly message: string }
  | { readonly kind: 'api-too-new'; readonly message: string };

/** The version to speak with an engine that offers `engineMax` down to `engineMin` (its MinAPIVersion). */
export function negotiateApiVersion(
  engineMax: ApiVersion,
  engineMin: ApiVersion | undefined,
): Result<ApiVersion, NegotiationProblem> {
  if (!atLeast(engineMax, MIN_API_VERSION)) {
    return err({
      kind: 'api-too-old',
      message: `the engine speaks Engine API ${formatApiVersion(engineMax)}; reading its image store needs ${formatApiVersion(MIN_API_VERSION)} or later (Docker Engine 20.10)`,
    });
  }
  if (engineMin !== undefined && !atLeast(MAX_API_VERSION, engineMin)) {
    return err({
      kind: 'api-too-new',
      message: `the engine accepts Engine API ${formatApiVersion(engineMin)} and later only; Arch Matrix knows up to ${formatApiVersion(MAX_API_VERSION)}`,
    });
  }
  return ok(atLeast(engineMax, MAX_API_VERSION) ? MAX_API_VERSION : engineMax);
}
