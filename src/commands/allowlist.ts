/**
 * The read-only allowlist: the ONLY docker command lines Arch Matrix may run.
 * Every command goes through isReadOnlyCommand before it reaches an ExecPort (see run.ts).
 *
 * No argument may hold whitespace, a quote or a backslash: Docker Desktop's promise-form exec joins
 * the arguments and splits them again shell-style, so such an argument would change meaning.
 * The --format templates below are written without spaces for that reason; each prints what its
 * spaced form prints (docs/verification-notes.md says how that was checked). The config template
 * keeps its `|` (buildx has no space-free alternative): harmless with argv passed unchanged (Node
 * without a shell, Docker Desktop's stream form) and with a whitespace/quote re-split.
 * `manifest inspect --insecure` is accepted only for a registry on this machine (loopback).
 */
import { isImageId as isCoreImageId, isLoopbackRegistry, parseReference } from '../core/index.js';

export const EXTENSION_LABEL_FILTER = '--filter=label=com.docker.desktop.extension.api.version';
export const FORMAT_JSON = '--format=json';
export const FORMAT_IMAGE_CONFIG = '--format={{.Image|json}}';
export const RAW = '--raw';

/** Characters that change meaning when an argv is joined and re-split shell-style, or are control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\s'"`\\\u0000-\u001f\u007f]/;

/** 12 or 64 lowercase hex digits, optionally prefixed "sha256:" (the core's rule, core/imageId.ts). */
export function isImageId(arg: string): boolean {
  return isCoreImageId(arg);
}

/** A reference argument: valid by the distribution grammar and already in canonical form. */
export function isReferenceArg(arg: string): boolean {
  const parsed = parseReference(arg);
  return parsed.ok && parsed.value.canonical === arg;
}

function isLoopbackReference(arg: string): boolean {
  const parsed = parseReference(arg);
  return parsed.ok && isLoopbackRegistry(parsed.value.domain);
}

function matches(args: readonly string[], fixed: readonly string[]): boolean {
  return args.length === fixed.length && fixed.every((word, i) => args[i] === word);
}

function isImagetoolsInspect(rest: readonly string[]): boolean {
  const [ref, mode, ...extra] = rest;
  if (ref === undefined || mode === undefined || extra.length > 0) return false;
  return isReferenceArg(ref) && (mode === RAW || mode === FORMAT_IMAGE_CONFIG);
}

/** `--insecure` (plain HTTP, no TLS check) only for a registry on this machine, as manifestInspect() builds it. */
function isManifestInspect(rest: readonly string[]): boolean {
  const flags = rest.slice(0, -1);
  const ref = rest[rest.length - 1];
  if (ref === undefined || !isReferenceArg(ref)) return false;
  if (flags.includes('--insecure') && !isLoopbackReference(ref)) return false;
  const allowed = [['--insecure', '--verbose'], ['--insecure'], ['--verbose'], []];
  return allowed.some((form) => matches(flags, form));
}

function isImageInspect(rest: readonly string[]): boolean {
  return rest.length > 0 && rest.every((arg) => isImageId(arg) || isReferenceArg(arg));
}

export function isReadOnlyCommand(args: readonly string[]): boolean {
  if (args.length === 0 || args.some((arg) => arg.length === 0 || UNSAFE.test(arg))) return false;
  const [a, b, c] = args;
  if (a === 'buildx') {
    if (matches(args, ['buildx', 'version'])) return true;
    return b === 'imagetools' && c === 'inspect' && isImagetoolsInspect(args.slice(3));
  }
  if (a === 'image' && b === 'ls') return matches(args, ['image', 'ls', EXTENSION_LABEL_FILTER, FORMAT_JSON]);
  if (a === 'image' && b === 'inspect') return isImageInspect(args.slice(2));
  if (a === 'manifest' && b === 'inspect') return isManifestInspect(args.slice(2));
  if (a === 'version') return matches(args, ['version', FORMAT_JSON]);
  if (a === 'extension') return matches(args, ['extension', 'ls']);
  return false;
}
