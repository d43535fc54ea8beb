/**
 * The engine's JSON answers read into the few fields Arch Matrix uses: GET /version, GET /images/json
 * (with ?manifests=1 its per-platform manifests, containerd image store) and GET /images/{name}/json.
 * Untrusted input: never throws, drops what is malformed, and keeps IDs and digests only when well formed.
 */
import { err, FULL_SHA256, isRecord, normalisePlatform, ok, type Platform, type Result } from '../core/index.js';
import { parseJson } from '../core/json.js';
import { parseApiVersion, type ApiVersion } from './apiVersion.js';

export interface EngineVersion {
  /** e.g. "28.5.2+dfsg4". */
  readonly version: string;
  readonly apiVersion: ApiVersion;
  readonly minApiVersion?: ApiVersion;
  readonly os: string;
  readonly arch: string;
}

/** One per-platform manifest of an image (containerd image store, API 1.47+). */
export interface EngineImageManifest {
  /** The manifest digest, as in the registry's index. */
  readonly id: string;
  /** 'image', 'attestation' or what a newer engine calls it. */
  readonly kind: string;
  /** True when its content is in the store (this machine's variant; others are usually not pulled). */
  readonly available: boolean;
  readonly platform?: Platform;
}

export interface EngineImage {
  /** sha256:<64 hex>: the config digest (classic store) or the index / manifest digest (containerd store). */
  readonly id: string;
  readonly repoTags: readonly string[];
  /** name@sha256:...: the digests it was pulled by. */
  readonly repoDigests: readonly string[];
  /** Present only from a containerd store asked with ?manifests=1. */
  readonly manifests?: readonly EngineImageManifest[];
}

export interface EngineImageDetail extends EngineImage {
  readonly platform?: Platform;
  /** The uncompressed layer digests (config rootfs.diff_ids), bottom first. */
  readonly diffIds: readonly string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length <= 1024) : [];

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '');

function json(bytes: Uint8Array, what: string): Result<unknown, string> {
  const parsed = parseJson(new TextDecoder().decode(bytes), what);
  return parsed.ok ? parsed : err(parsed.error.message);
}

export function parseEngineVersion(bytes: Uint8Array): Result<EngineVersion, string> {
  const parsed = json(bytes, 'the engine version');
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v)) return err('the engine version is not a JSON object');
  const apiVersion = parseApiVersion(v.ApiVersion);
  if (apiVersion === undefined) return err(`the engine names no valid API version ("${text(v.ApiVersion)}")`);
  const minApiVersion = parseApiVersion(v.MinAPIVersion);
  return ok({
    version: text(v.Version),
    apiVersion,
    ...(minApiVersion !== undefined ? { minApiVersion } : {}),
    os: text(v.Os),
    arch: text(v.Arch),
  });
}

function platformOf(value: unknown): Platform | undefined {
  if (!isRecord(value)) return undefined;
  const p = normalisePlatform({ os: value.os, architecture: value.architecture, variant: value.variant });
  return p.ok ? p.value : undefined;
}

function manifestsOf(value: unknown): EngineImageManifest[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((m): EngineImageManifest[] => {
    if (!isRecord(m) || typeof m.ID !== 'string' || !FULL_SHA256.test(m.ID)) return [];
    const data = isRecord(m.ImageData) ? m.ImageData : undefined;
    const platform = platformOf(data?.Platform);
    return [{ id: m.ID, kind: text(m.Kind), available: m.Available === true, ...(platform ? { platform } : {}) }];
  });
}

function imageOf(value: unknown): EngineImage | undefined {
  if (!isRecord(value) || typeof value.Id !== 'string' || !FULL_SHA256.test(value.Id)) return undefined;
  const manifests = manifestsOf(value.Manifests);
  return {
    id: value.Id,
    repoTags: strings(value.RepoTags),
    repoDigests: strings(value.RepoDigests),
    ...(manifests !== undefined ? { manifests } : {}),
  };
}

export function parseEngineImages(bytes: Uint8Array): Result<EngineImage[], string> {
  const parsed = json(bytes, 'the engine image list');
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return err('the engine image list is not a JSON array');
  return ok(parsed.value.map(imageOf).filter((i): i is EngineImage => i !== undefined));
}

export function parseEngineImageDetail(bytes: Uint8Array): Result<EngineImageDetail, string> {
  const parsed = json(bytes, 'the engine image details');
  if (!parsed.ok) return parsed;
  const image = imageOf(parsed.value);
  if (image === undefined || !isRecord(parsed.value)) return err('the engine image details have no valid Id');
  const v = parsed.value;
  const platform = platformOf({ os: v.Os, architecture: v.Architecture, variant: v.Variant });
  const rootFs = isRecord(v.RootFS) ? v.RootFS : {};
  return ok({
    ...image,
    ...(platform ? { platform } : {}),
    diffIds: strings(rootFs.Layers).filter((d) => FULL_SHA256.test(d)),
  });
}
