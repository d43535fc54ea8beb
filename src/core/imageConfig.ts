/**
 * Image configs from `imagetools inspect REF --format '{{json .Image}}'`: a single config object
 * ({os, architecture, variant?, os.version?, config.Labels}) or, for an index with more than one
 * platform, a map keyed by "os/arch[/variant]".
 */
import { excerpt, isRecord, malformed, parseJson, stringMap, type JsonRecord } from './json.js';
import { comparePlatformKeys, normalisePlatform, parsePlatform, platformKey } from './platform.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { Platform } from './types.js';

export interface ImageConfigInfo {
  readonly platforms: Platform[];
  /** config.Labels of the config (for a map: of the first platform in display order that has labels). */
  readonly labels?: Record<string, string>;
}

const MAX_PLATFORMS = 10_000;

function isSingleConfig(doc: JsonRecord): boolean {
  return typeof doc.architecture === 'string' || typeof doc.os === 'string';
}

function labelsOf(config: JsonRecord, where: string): Result<Record<string, string> | undefined, ParseError> {
  if (config.config === undefined || config.config === null) return ok(undefined);
  if (!isRecord(config.config)) return err(malformed(`${where}: config is not an object`));
  const labels = config.config.Labels;
  if (labels === undefined || labels === null) return ok(undefined);
  const map = stringMap(labels);
  if (map === undefined) return err(malformed(`${where}: config.Labels is not an object`));
  return ok(map);
}

/** Reads one config object: its platform and labels. */
export function readConfigObject(
  doc: JsonRecord,
  where: string,
): Result<{ platform: Platform; labels?: Record<string, string> }, ParseError> {
  const platform = normalisePlatform(doc);
  if (!platform.ok) return err(malformed(`${where}: ${platform.error.message}`));
  const labels = labelsOf(doc, where);
  if (!labels.ok) return labels;
  return ok({ platform: platform.value, labels: labels.value });
}

/** Reads an already parsed `.Image` value (used for `{{json .}}` too). */
export function readImageConfig(doc: unknown): Result<ImageConfigInfo, ParseError> {
  if (!isRecord(doc)) return err(malformed('image config is not a JSON object'));
  if (isSingleConfig(doc)) {
    const single = readConfigObject(doc, 'image config');
    if (!single.ok) return single;
    return ok({ platforms: [single.value.platform], labels: single.value.labels });
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return err(malformed('image config map is empty'));
  if (keys.length > MAX_PLATFORMS) return err(malformed(`image config map has more than ${MAX_PLATFORMS} platforms`));
  const found: { platform: Platform; labels?: Record<string, string> }[] = [];
  for (const key of keys) {
    const where = `image config "${excerpt(key, 40)}"`;
    const keyPlatform = parsePlatform(key);
    if (!keyPlatform.ok) return err(malformed(`${where}: key is not os/arch[/variant]`));
    const value = doc[key];
    if (!isRecord(value)) return err(malformed(`${where} is not an object`));
    // The value's own fields win (buildx drops the arm64 variant from the key); the key fills gaps.
    const merged = isSingleConfig(value)
      ? value
      : {
          ...value,
          os: keyPlatform.value.os,
          architecture: keyPlatform.value.architecture,
          variant: keyPlatform.value.variant,
        };
    const entry = readConfigObject(merged, where);
    if (!entry.ok) return entry;
    found.push(entry.value);
  }
  found.sort((a, b) => comparePlatformKeys(platformKey(a.platform), platformKey(b.platform)));
  const labels = found.find((f) => f.labels !== undefined)?.labels;
  return ok({ platforms: found.map((f) => f.platform), labels });
}

/** `imagetools inspect REF --format '{{json .Image}}'`. */
export function parseImageConfig(stdout: string): Result<ImageConfigInfo, ParseError> {
  const json = parseJson(stdout, 'image config');
  if (!json.ok) return json;
  return readImageConfig(json.value);
}
