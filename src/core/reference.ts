/**
 * Image references, validated against the distribution reference grammar before any command sees them.
 * Anything that is not a plain reference (whitespace, quotes, shell characters, a leading '-') is refused
 * with a reason for people; `canonical` is then safe to pass to docker as one argument.
 */
import { hasControlChar } from './json.js';
import { err, ok, type Result } from './result.js';
import type { ImageReference, ReferenceError } from './types.js';

export const MAX_REFERENCE_LENGTH = 512;
export const MAX_NAME_LENGTH = 255;

const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[[a-f0-9:]+\\]';
const DOMAIN = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::([0-9]{1,5}))?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)*:[a-f0-9]{32,}$/;
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
/** Every character a valid reference can hold; anything else is named in the reason. */
const ALLOWED_CHAR = /^[a-zA-Z0-9._:/@\-[\]]$/;

const fail = (input: string, reason: string): Result<ImageReference, ReferenceError> =>
  err({ kind: 'invalid-reference', input, reason });

function describeChar(ch: string): string {
  if (/\s/.test(ch)) return 'contains whitespace';
  if (ch === "'" || ch === '"' || ch === '`') return 'contains quotes';
  if (';&|$<>(){}*?!~#\\^%,=+'.includes(ch)) return `contains the shell character "${ch}"`;
  return `contains the character "${ch}", not allowed in an image reference`;
}

/** Character-level checks: the reasons people will most often see. */
function checkCharacters(input: string): string | undefined {
  if (input === '') return 'is empty';
  if (input.length > MAX_REFERENCE_LENGTH) return `is longer than ${MAX_REFERENCE_LENGTH} characters`;
  if (hasControlChar(input)) return 'contains control characters (such as a newline or tab)';
  if (input.startsWith('-')) return 'starts with "-" (it would be read as an option)';
  for (const ch of input) if (!ALLOWED_CHAR.test(ch)) return describeChar(ch);
  return undefined;
}

/** docker's rule: the first component is a registry when it has '.', ':' or is "localhost". */
function splitDomain(name: string): { domain: string | undefined; remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: undefined, remainder: name };
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
    return { domain: first, remainder: name.slice(slash + 1) };
  }
  return { domain: undefined, remainder: name };
}

function checkDigest(digest: string): string | undefined {
  if (!DIGEST.test(digest)) return `digest "${digest.slice(0, 80)}" is not algorithm:hex (lowercase)`;
  const [algorithm = '', hex = ''] = digest.split(':');
  const expected = DIGEST_LENGTHS[algorithm];
  if (expected !== undefined && hex.length !== expected) {
    return `${algorithm} digest must have ${expected} hex digits, not ${hex.length}`;
  }
  return undefined;
}

/** Parses and normalises a reference ("alpine" -> docker.io/library/alpine:latest). Never throws. */
export function parseReference(input: string): Result<ImageReference, ReferenceError> {
  if (typeof input !== 'string') return fail(String(input), 'is not text');
  const charProblem = checkCharacters(input);
  if (charProblem) return fail(input, charProblem);

  const at = input.indexOf('@');
  if (at !== input.lastIndexOf('@')) return fail(input, 'contains more than one "@"');
  const digest = at === -1 ? undefined : input.slice(at + 1);
  const nameAndTag = at === -1 ? input : input.slice(0, at);
  if (digest !== undefined) {
    const digestProblem = checkDigest(digest);
    if (digestProblem) return fail(input, digestProblem);
  }

  const lastColon = nameAndTag.lastIndexOf(':');
  const hasTag = lastColon > nameAndTag.lastIndexOf('/') && !nameAndTag.slice(lastColon).includes(']');
  const tag = hasTag ? nameAndTag.slice(lastColon + 1) : undefined;
  const name = hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag;
  if (tag !== undefined && !TAG.test(tag)) {
    return fail(
      input,
      `tag "${tag.slice(0, 140)}" is not valid (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')`,
    );
  }
  if (name === '') return fail(input, 'has no repository name');
  if (name.length > MAX_NAME_LENGTH) return fail(input, `repository name is longer than ${MAX_NAME_LENGTH} characters`);
  if (/[A-Z]/.test(name)) return fail(input, `repository name (${name}) must be lowercase`);

  const split = splitDomain(name);
  let domain = split.domain ?? 'docker.io';
  const domainMatch = DOMAIN.exec(domain);
  if (!domainMatch) return fail(input, `registry host "${domain}" is not a valid host[:port]`);
  const port = domainMatch[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return fail(input, `registry port ${port} is out of range`);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  const components = split.remainder.split('/');
  for (const component of components) {
    if (component === '') return fail(input, 'has an empty path component ("//" or a trailing "/")');
    if (!PATH_COMPONENT.test(component)) {
      return fail(
        input,
        `path component "${component}" is not valid (lowercase letters and digits, separated by '.', '_', '__' or '-')`,
      );
    }
  }
  const path = domain === 'docker.io' && components.length === 1 ? `library/${split.remainder}` : split.remainder;
  if (`${domain}/${path}`.length > MAX_NAME_LENGTH) {
    return fail(input, `repository name is longer than ${MAX_NAME_LENGTH} characters`);
  }

  const effectiveTag = tag ?? (digest === undefined ? 'latest' : undefined);
  const suffix = `${effectiveTag !== undefined ? `:${effectiveTag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
  const familiarName =
    domain === 'docker.io'
      ? path.startsWith('library/') && path.split('/').length === 2
        ? path.slice(8)
        : path
      : `${domain}/${path}`;
  return ok({
    domain,
    path,
    tag: effectiveTag,
    digest,
    canonical: `${domain}/${path}${suffix}`,
    familiar: `${familiarName}${suffix}`,
  });
}

/** The same repository pinned to one manifest digest ("registry/repo@sha256:..."), validated like any reference. */
export function atDigest(ref: ImageReference, digest: string): Result<ImageReference, ReferenceError> {
  return parseReference(`${ref.domain}/${ref.path}@${digest}`);
}

/** "name:tag" for a push command: digests cannot be pushed to, so a digest-only reference gets ":latest". */
export function pushTarget(ref: ImageReference): string {
  const familiarName = ref.familiar.replace(/[:@].*$/, '');
  const name = ref.domain === 'docker.io' ? familiarName : `${ref.domain}/${ref.path}`;
  return `${name}:${ref.tag ?? 'latest'}`;
}

/** Whether two references name the same image (compared in canonical form when both are valid). */
export function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  const left = parseReference(a);
  const right = parseReference(b);
  return left.ok && right.ok && left.value.canonical === right.value.canonical;
}

const LOOPBACK_V4 = /^127\.(?:0|[1-9]\d{0,2})\.(?:0|[1-9]\d{0,2})\.(?:0|[1-9]\d{0,2})$/;

/**
 * The one loopback rule (docker's --insecure, the registry reader's plain HTTP): localhost, ::1 and the
 * IPv4 addresses 127.0.0.0/8. Not *.localhost: a resolver may send such a name anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  return LOOPBACK_V4.test(h) && h.split('.').every((octet) => Number(octet) <= 255);
}

/** The host of "host[:port]", or "[v6]" of "[v6]:port". */
export function hostnameOf(hostAndPort: string): string {
  if (hostAndPort.startsWith('[')) return hostAndPort.slice(0, hostAndPort.indexOf(']') + 1);
  const colon = hostAndPort.lastIndexOf(':');
  return colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
}

/** True for a registry on this machine (see isLoopbackHost), any port. */
export function isLoopbackRegistry(domain: string): boolean {
  return isLoopbackHost(hostnameOf(domain));
}
