/** The engine's local image store: `docker image inspect A B C` and `docker image ls --format={{json .}}`. */
import { excerpt, isRecord, malformed, parseJson, stringArray, stringMap } from './json.js';
import { normalisePlatform } from './platform.js';
import { err, ok, readEach, type ParseError, type Result } from './result.js';
import type { Platform } from './types.js';

export interface LocalImage {
  readonly id: string;
  readonly repoTags: string[];
  readonly repoDigests: string[];
  /** The platform the engine holds (Os/Architecture/Variant); absent when the engine does not say. */
  readonly platform?: Platform;
  readonly labels: Record<string, string>;
}

export interface ImageListRow {
  readonly id: string;
  readonly repository: string;
  readonly tag: string;
  /** repo:tag, or repo@digest, or the id when both are <none>. */
  readonly reference: string;
}

const MAX_IMAGES = 10_000;
const NONE = '<none>';

function readLocalImage(value: unknown, where: string): Result<LocalImage, ParseError> {
  if (!isRecord(value)) return err(malformed(`${where} is not an object`));
  if (typeof value.Id !== 'string' || value.Id === '') return err(malformed(`${where} has no Id`));
  const repoTags = stringArray(value.RepoTags);
  if (repoTags === undefined) return err(malformed(`${where}: RepoTags is not a list of strings`));
  const repoDigests = stringArray(value.RepoDigests);
  if (repoDigests === undefined) return err(malformed(`${where}: RepoDigests is not a list of strings`));
  let labels: Record<string, string> = {};
  if (value.Config !== undefined && value.Config !== null) {
    if (!isRecord(value.Config)) return err(malformed(`${where}: Config is not an object`));
    const map = stringMap(value.Config.Labels);
    if (map === undefined) return err(malformed(`${where}: Config.Labels is not an object`));
    labels = map;
  }
  let platform: Platform | undefined;
  if (value.Os !== undefined || value.Architecture !== undefined) {
    const parsed = normalisePlatform({
      os: value.Os,
      architecture: value.Architecture,
      variant: value.Variant,
      'os.version': value.OsVersion,
    });
    if (!parsed.ok) return err(malformed(`${where}: ${parsed.error.message}`));
    platform = parsed.value;
  }
  return ok({ id: value.Id, repoTags, repoDigests, platform, labels });
}

/** `docker image inspect A B C`: a JSON array (`[]` when none was found). */
export function parseImageInspect(stdout: string): Result<LocalImage[], ParseError> {
  const json = parseJson(stdout, 'image inspect output');
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return err(malformed('image inspect output is not a JSON array'));
  const items = json.value as unknown[];
  if (items.length > MAX_IMAGES) return err(malformed(`image inspect output has more than ${MAX_IMAGES} images`));
  return readEach(items, (item, position) => readLocalImage(item, `image ${position}`));
}

function readRow(value: unknown, where: string): Result<ImageListRow, ParseError> {
  if (!isRecord(value)) return err(malformed(`${where} is not an object`));
  const { ID: id, Repository: repository, Tag: tag, Digest: digest } = value;
  if (typeof id !== 'string' || id === '') return err(malformed(`${where} has no ID`));
  if (typeof repository !== 'string') return err(malformed(`${where} has no Repository`));
  if (typeof tag !== 'string') return err(malformed(`${where} has no Tag`));
  let reference = id;
  if (repository !== NONE && repository !== '' && tag !== NONE && tag !== '') reference = `${repository}:${tag}`;
  else if (repository !== NONE && repository !== '' && typeof digest === 'string' && digest !== NONE && digest !== '') {
    reference = `${repository}@${digest}`;
  }
  return ok({ id, repository, tag, reference });
}

/** `docker image ls --format={{json .}}`: one JSON object per line; blank lines are ignored. */
export function parseImageList(stdout: string): Result<ImageListRow[], ParseError> {
  if (typeof stdout !== 'string') return err(malformed('image list output is not text'));
  const lines = stdout.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length > MAX_IMAGES) return err(malformed(`image list has more than ${MAX_IMAGES} rows`));
  return readEach(lines, (line, position) => {
    const where = `image list line ${position}`;
    const json = parseJson(line, where);
    if (!json.ok) return err(malformed(`${json.error.message}: ${excerpt(line)}`));
    return readRow(json.value, where);
  });
}
