/**
 * The images a backend compose file runs (`services.*.image`), read with a real YAML parser
 * (eemeli's `yaml`: YAML 1.2, alias-bomb limits, no code execution). `${DESKTOP_PLUGIN_IMAGE}`
 * is the extension image itself.
 */
import { parseDocument } from 'yaml';
import { exceedsUtf8Bytes, excerpt, hasControlChar, isRecord, type JsonRecord } from '../json.js';
import { err, ok, type Result } from '../result.js';
import { yamlBeyondLimits } from './yamlLimits.js';

/** Real extension compose files are a few KiB. */
export const MAX_COMPOSE_BYTES = 1024 * 1024;
/** Services looked at; more is refused as not a real extension backend. */
export const MAX_COMPOSE_SERVICES = 200;
/** Aliases the parser expands before it gives up (the `yaml` library's guard against alias bombs). */
const MAX_ALIASES = 100;
/** Levels of nested collections; a real compose file nests five or six deep. */
export const MAX_COMPOSE_DEPTH = 64;
/**
 * Lexer tokens (about one per word, indicator, space or line break): a real extension compose file has a few
 * hundred. The parser keeps a few hundred bytes per token and checks duplicate keys pair by pair, so this
 * bounds both its memory (a few MB) and its time.
 */
export const MAX_COMPOSE_TOKENS = 16_384;
/**
 * Aliases (`*name`) in the text: a real compose file reuses an anchor a few dozen times at most. Counted before the
 * token limit can trip, so that an alias bomb is called one.
 */
export const MAX_COMPOSE_ALIAS_USES = 1_000;

/** The variable Docker Desktop sets to the extension's own image when it runs the backend. */
const SELF_IMAGE_VARIABLE = 'DESKTOP_PLUGIN_IMAGE';

/** One service of the compose file and the image it runs. */
export type ComposeImage =
  | { readonly service: string; readonly kind: 'self'; readonly image: string }
  | { readonly service: string; readonly kind: 'image'; readonly image: string }
  /** The image names a variable Docker Desktop does not set (or is not a string): not checked. */
  | { readonly service: string; readonly kind: 'unresolved'; readonly image: string; readonly reason: string }
  /** No image at all (build-only, or a model provider): nothing to check. */
  | { readonly service: string; readonly kind: 'no-image'; readonly reason: string };

export type ComposeProblemReason = 'too-large' | 'too-deep' | 'not-yaml' | 'no-services';

export interface ComposeProblem {
  readonly reason: ComposeProblemReason;
  readonly message: string;
}

/**
 * True for a problem that leaves the services unknown rather than none: past the check's own limits (size, depth,
 * aliases, service count) or refused by its YAML parser (YAML readers differ: Docker's may still read it). The
 * variant is then not checked. A compose file with no services runs nothing: a note says so, nothing is unknown.
 */
export const composeLeavesUnjudged = (problem: ComposeProblem): boolean => problem.reason !== 'no-services';

const problem = (reason: ComposeProblemReason, message: string): Result<never, ComposeProblem> =>
  err({ reason, message: `compose file ${message}` });

/** `${DESKTOP_PLUGIN_IMAGE}`, `${DESKTOP_PLUGIN_IMAGE:-default}`, `$DESKTOP_PLUGIN_IMAGE` (the name has no regex metacharacter). */
const SELF_FORMS = new RegExp(`^\\$(?:\\{${SELF_IMAGE_VARIABLE}(?:[:]?[-?][^}]*)?\\}|${SELF_IMAGE_VARIABLE})$`);
/** `$NAME`, `${NAME}`, `${NAME:-default}` ...; `$$` is a literal `$`. */
const VARIABLE = /\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** True for `${DESKTOP_PLUGIN_IMAGE}` / `$DESKTOP_PLUGIN_IMAGE`: the backend is the extension image. */
export function isSelfImage(image: string): boolean {
  return SELF_FORMS.test(image.trim());
}

function variablesIn(image: string): string[] {
  const names: string[] = [];
  for (const m of image.replaceAll('$$', '').matchAll(VARIABLE)) {
    const name = (m[1] ?? m[2] ?? '').split(/[:?-]/)[0] ?? '';
    names.push(name);
  }
  return names;
}

function judgeService(service: string, body: unknown): ComposeImage {
  if (!isRecord(body)) return { service, kind: 'no-image', reason: 'is not a mapping' };
  const image = Object.hasOwn(body, 'image') ? body.image : undefined;
  if (image === undefined || image === null) {
    const why = Object.hasOwn(body, 'build')
      ? 'is built from source (build: without image:)'
      : Object.hasOwn(body, 'provider')
        ? 'is a provider, not a container'
        : 'names no image';
    return { service, kind: 'no-image', reason: why };
  }
  if (typeof image !== 'string' || image.trim() === '' || hasControlChar(image)) {
    return {
      service,
      kind: 'unresolved',
      image: excerpt(String(image), 100),
      reason: 'image is not a plain non-empty string',
    };
  }
  const trimmed = image.trim();
  if (isSelfImage(trimmed)) return { service, kind: 'self', image: trimmed };
  const variables = variablesIn(trimmed);
  if (variables.length > 0) {
    return {
      service,
      kind: 'unresolved',
      image: excerpt(trimmed, 200),
      reason: `names \${${variables.join('}, ${')}}, which Docker Desktop does not set`,
    };
  }
  return { service, kind: 'image', image: trimmed.replaceAll('$$', '$') };
}

/** Parses a compose file's text and lists every service with the image it runs, in file order. */
export function composeImages(text: unknown): Result<readonly ComposeImage[], ComposeProblem> {
  if (typeof text !== 'string') return problem('not-yaml', `is a ${typeof text}, not text`);
  if (exceedsUtf8Bytes(text, MAX_COMPOSE_BYTES)) {
    return problem('too-large', `is larger than ${MAX_COMPOSE_BYTES / 1024 / 1024} MiB`);
  }
  let root: unknown;
  try {
    // Measured from the lexer's tokens first: the parser would build the whole tree before any limit of its own.
    const excess = yamlBeyondLimits(text, {
      maxDepth: MAX_COMPOSE_DEPTH,
      maxTokens: MAX_COMPOSE_TOKENS,
      maxAliases: MAX_COMPOSE_ALIAS_USES,
    });
    if (excess !== undefined) return problem(excess.limit === 'depth' ? 'too-deep' : 'too-large', excess.message);
    const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: false });
    const first = doc.errors[0];
    if (first) return problem('not-yaml', `is not YAML (${excerpt(first.message, 100)})`);
    root = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  } catch (e) {
    return problem('not-yaml', `cannot be read (${excerpt(e instanceof Error ? e.message : String(e), 100)})`);
  }
  if (!isRecord(root)) return problem('not-yaml', 'is not a YAML mapping');
  const services = Object.hasOwn(root, 'services') ? root.services : undefined;
  if (!isRecord(services)) return problem('no-services', 'has no "services" mapping');
  const names = Object.keys(services);
  if (names.length === 0) return problem('no-services', 'has an empty "services" mapping');
  if (names.length > MAX_COMPOSE_SERVICES)
    return problem('too-large', `has ${names.length} services (at most ${MAX_COMPOSE_SERVICES})`);
  return ok(names.map((name) => judgeService(name, (services as JsonRecord)[name])));
}
