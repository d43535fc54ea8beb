/**
 * The Engine API allowlist: the ONLY requests Arch Matrix may send to a Docker engine, all GETs that
 * read. Every request is built here from validated values (engineCallPath) and checked again, as the
 * final method and path, by isAllowedEngineRequest just before the socket sees it (engineTransport.ts).
 *
 *   GET [/v1.NN]/_ping
 *   GET [/v1.NN]/version
 *   GET  /v1.NN/images/json                 (?manifests=1 from API 1.47)
 *   GET  /v1.NN/images/{name}/json
 *   GET  /v1.NN/images/{name}/get           (?platform={"os":..,"architecture":..[,"variant":..]} from API 1.48)
 *
 * {name} is one path segment: a reference in the core's canonical form or an image ID, URL-encoded
 * with encodeURIComponent (so its '/' travel as %2F) and nothing else.
 */
import { err, isImageId, normalisePlatform, ok, parseReference, type Platform, type Result } from '../core/index.js';
import {
  API_FEATURES,
  atLeast,
  formatApiVersion,
  MAX_API_VERSION,
  MIN_API_VERSION,
  parseApiVersion,
  type ApiVersion,
} from './apiVersion.js';

declare const engineImageNameBrand: unique symbol;
/** A canonical reference or an image ID, validated by the core: the only names an Engine API path holds. */
export type EngineImageName = string & { readonly [engineImageNameBrand]: true };

/** The name as the engine may be given it, or why not. */
export function engineImageName(text: string): Result<EngineImageName, string> {
  if (isImageId(text)) return ok(text as string as EngineImageName);
  const parsed = parseReference(text);
  if (!parsed.ok) return err(`"${String(text).slice(0, 80)}" ${parsed.error.reason}`);
  if (parsed.value.canonical !== text) return err(`"${text.slice(0, 80)}" is not in canonical form`);
  return ok(text as EngineImageName);
}

export type EngineCall =
  | { readonly call: 'ping' }
  | { readonly call: 'version' }
  | { readonly call: 'images'; readonly manifests?: boolean }
  | { readonly call: 'inspect'; readonly name: EngineImageName }
  | { readonly call: 'export'; readonly name: EngineImageName; readonly platform?: Platform };

/** The platform query value: the normalised platform as JSON, keys in this order, variant only when set. */
function platformJson(platform: Platform): Result<string, string> {
  const normal = normalisePlatform(platform);
  if (!normal.ok) return err(normal.error.message);
  const { os, architecture, variant } = normal.value;
  return ok(JSON.stringify(variant === undefined ? { os, architecture } : { os, architecture, variant }));
}

/**
 * The path of a call for an engine spoken to at `api` (undefined: unversioned, only for _ping and
 * version, which negotiation uses). Refuses what that version does not offer.
 */
export function engineCallPath(call: EngineCall, api: ApiVersion | undefined): Result<string, string> {
  if (call.call === 'ping') return ok(`${prefix(api)}/_ping`);
  if (call.call === 'version') return ok(`${prefix(api)}/version`);
  if (api === undefined) return err(`the ${call.call} call needs a negotiated API version`);
  const v = prefix(api);
  if (call.call === 'images') {
    if (call.manifests !== true) return ok(`${v}/images/json`);
    if (!atLeast(api, API_FEATURES.imageManifests))
      return err(`images/json?manifests=1 needs API ${formatApiVersion(API_FEATURES.imageManifests)}`);
    return ok(`${v}/images/json?manifests=1`);
  }
  const checked = engineImageName(call.name);
  if (!checked.ok) return err(checked.error);
  const name = encodeURIComponent(checked.value);
  if (call.call === 'inspect') return ok(`${v}/images/${name}/json`);
  if (call.platform === undefined) return ok(`${v}/images/${name}/get`);
  if (!atLeast(api, API_FEATURES.exportPlatform))
    return err(`images/{name}/get?platform= needs API ${formatApiVersion(API_FEATURES.exportPlatform)}`);
  const json = platformJson(call.platform);
  if (!json.ok) return err(json.error);
  return ok(`${v}/images/${name}/get?platform=${encodeURIComponent(json.value)}`);
}

const prefix = (api: ApiVersion | undefined): string => (api === undefined ? '' : `/v${formatApiVersion(api)}`);

/** An encoded {name} segment that decodes to a valid name and is exactly its canonical encoding. */
function isNameSegment(segment: string): boolean {
  if (!/^[A-Za-z0-9%._-]+$/.test(segment)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  return engineImageName(decoded).ok && encodeURIComponent(decoded) === segment;
}

/** A platform query value that is exactly what engineCallPath writes for some valid platform. */
function isPlatformValue(value: string): boolean {
  let decoded: unknown;
  try {
    decoded = JSON.parse(decodeURIComponent(value));
  } catch {
    return false;
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return false;
  const keys = Object.keys(decoded);
  if (!keys.every((k) => k === 'os' || k === 'architecture' || k === 'variant')) return false;
  const json = platformJson(decoded as Platform);
  return json.ok && encodeURIComponent(json.value) === value;
}

/** True only for the exact GET requests of the allowlist (method and path as sent). */
export function isAllowedEngineRequest(method: string, path: string): boolean {
  if (method !== 'GET' || typeof path !== 'string' || path.length > 2048) return false;
  const match = /^(?:\/v(1\.\d{1,3}))?(\/[^?#]*)(?:\?([^#]*))?$/.exec(path);
  if (!match) return false;
  const [, versionText, route = '', query] = match;
  const api = versionText === undefined ? undefined : parseApiVersion(versionText);
  if (versionText !== undefined) {
    if (api === undefined || !atLeast(api, MIN_API_VERSION) || !atLeast(MAX_API_VERSION, api)) return false;
  }
  if (route === '/_ping' || route === '/version') return query === undefined;
  if (api === undefined) return false;
  if (route === '/images/json') {
    return query === undefined || (query === 'manifests=1' && atLeast(api, API_FEATURES.imageManifests));
  }
  const image = /^\/images\/([^/]+)\/(json|get)$/.exec(route);
  if (!image || !isNameSegment(image[1] ?? '')) return false;
  if (query === undefined) return true;
  if (image[2] !== 'get' || !atLeast(api, API_FEATURES.exportPlatform)) return false;
  const platform = /^platform=([^&=]+)$/.exec(query);
  return platform !== null && isPlatformValue(platform[1] ?? '');
}
