/** Platforms: parse, normalise, format and order; tell attestation entries apart. */
import { isRecord } from './json.js';
import { err, ok, type ParseError, type Result } from './result.js';
import type { Platform, PlatformKey } from './types.js';

/** The platforms every Docker Desktop extension should publish (Intel/AMD and Apple silicon hosts). */
export const RECOMMENDED_PLATFORMS: readonly PlatformKey[] = ['linux/amd64', 'linux/arm64'];

const ARCH_ALIASES: Readonly<Record<string, { architecture: string; variant?: string }>> = {
  x86_64: { architecture: 'amd64' },
  'x86-64': { architecture: 'amd64' },
  x64: { architecture: 'amd64' },
  aarch64: { architecture: 'arm64' },
  armhf: { architecture: 'arm', variant: 'v7' },
  armel: { architecture: 'arm', variant: 'v6' },
  i386: { architecture: '386' },
  i686: { architecture: '386' },
  ia32: { architecture: '386' },
  x86: { architecture: '386' },
};

/** os / architecture / variant words: lowercase letters, digits, '.', '_', '-'. */
const WORD = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const OS_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

const bad = (message: string): ParseError => ({ kind: 'malformed', message });

function field(value: unknown, name: string, required: boolean): Result<string | undefined, ParseError> {
  if (value === undefined || value === null || value === '') {
    return required ? err(bad(`platform has no ${name}`)) : ok(undefined);
  }
  if (typeof value !== 'string') return err(bad(`platform ${name} is a ${typeof value}, not a string`));
  const lower = value.trim().toLowerCase();
  if (!WORD.test(lower)) return err(bad(`platform ${name} "${lower.slice(0, 40)}" is not a valid word`));
  return ok(lower);
}

/**
 * Normalises an OCI platform object: arm64/v8 -> arm64, arm -> arm/v7, x86_64/x64 -> amd64,
 * aarch64 -> arm64, i386 -> 386, amd64/v1 -> amd64; everything lowercased.
 */
export function normalisePlatform(p: {
  os?: unknown;
  architecture?: unknown;
  variant?: unknown;
  'os.version'?: unknown;
}): Result<Platform, ParseError> {
  if (!isRecord(p)) return err(bad('platform is not an object'));
  const os = field(p.os, 'os', true);
  if (!os.ok) return os;
  const arch = field(p.architecture, 'architecture', true);
  if (!arch.ok) return arch;
  const variantField = field(p.variant, 'variant', false);
  if (!variantField.ok) return variantField;
  const rawOsVersion = p['os.version'];
  if (rawOsVersion !== undefined && rawOsVersion !== null && typeof rawOsVersion !== 'string') {
    return err(bad('platform os.version is not a string'));
  }
  if (typeof rawOsVersion === 'string' && rawOsVersion !== '' && !OS_VERSION.test(rawOsVersion)) {
    return err(bad(`platform os.version "${rawOsVersion.slice(0, 40)}" is not valid`));
  }
  const osName = os.value ?? '';
  const alias = ARCH_ALIASES[arch.value ?? ''];
  const architecture = alias ? alias.architecture : (arch.value ?? '');
  let variant = variantField.value ?? alias?.variant;
  if (architecture === 'arm64' && variant === 'v8') variant = undefined;
  if (architecture === 'amd64' && variant === 'v1') variant = undefined;
  if (architecture === 'arm' && variant === undefined) variant = 'v7';
  if (architecture === 'arm' && variant !== undefined && /^\d+$/.test(variant)) variant = `v${variant}`;
  const platform: Platform = {
    os: osName,
    architecture,
    variant,
    osVersion: typeof rawOsVersion === 'string' && rawOsVersion !== '' ? rawOsVersion : undefined,
  };
  return ok(platform);
}

/** Parses "linux/arm64/v8", "linux/amd64", "windows/amd64" (normalised). */
export function parsePlatform(text: string): Result<Platform, ParseError> {
  if (typeof text !== 'string') return err(bad('platform is not text'));
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3) {
    return err(bad(`"${text.slice(0, 40)}" is not os/arch[/variant]`));
  }
  const [os, architecture, variant] = parts;
  return normalisePlatform({ os, architecture, variant });
}

/** The operating systems and architectures Go (and so docker's --platform) knows. */
const KNOWN_OS: ReadonlySet<string> = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'illumos',
  'ios',
  'js',
  'linux',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
]);
const KNOWN_ARCH: ReadonlySet<string> = new Set([
  '386',
  'amd64',
  'arm',
  'arm64',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390x',
  'wasm',
]);

/**
 * A platform as docker's `--platform` reads it, for extension images (linux containers): an
 * architecture alone is linux's ("amd64" -> linux/amd64, "arm" -> linux/arm/v7, "aarch64" ->
 * linux/arm64), else os/arch[/variant] normalised as parsePlatform does. Stricter than docker where a
 * typo would pass silently: the OS and the architecture must be known ones, and an OS alone is refused
 * (docker would pick this machine's CPU).
 */
export function parsePlatformSpecifier(text: string): Result<Platform, ParseError> {
  if (typeof text !== 'string') return err(bad('platform is not text'));
  const trimmed = text.trim().toLowerCase();
  const parts = trimmed.split('/');
  if (parts.length === 1 && KNOWN_OS.has(trimmed))
    return err(bad(`"${trimmed}" is an operating system: name its architecture too, e.g. ${trimmed}/amd64`));
  const parsed =
    parts.length === 1 ? normalisePlatform({ os: 'linux', architecture: trimmed }) : parsePlatform(trimmed);
  if (!parsed.ok) return parsed;
  const { os, architecture } = parsed.value;
  if (!KNOWN_OS.has(os)) {
    const asArch = normalisePlatform({ os: 'linux', architecture: os });
    // "x86_64/linux" is os and architecture swapped; "arm/v7" an architecture with its variant.
    const swapped = parts.length === 2 && KNOWN_OS.has(parts[1] ?? '');
    const hint =
      asArch.ok && KNOWN_ARCH.has(asArch.value.architecture)
        ? `; did you mean ${swapped ? `${parts[1]}/${parts[0]}` : `linux/${trimmed}`}?`
        : '';
    return err(bad(`"${os.slice(0, 40)}" is not an operating system${hint}`));
  }
  if (!KNOWN_ARCH.has(architecture))
    return err(bad(`"${architecture.slice(0, 40)}" is not an architecture (e.g. amd64, arm64, arm/v7)`));
  return parsed;
}

/** "linux/amd64", "linux/arm/v7": the normalised key (os.version is not part of it). */
export function platformKey(p: Platform): PlatformKey {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

/**
 * The platform Docker Desktop pulls extension images for, from `ddClient.host.arch` (Node's os.arch()).
 * Extensions are linux containers whatever the host OS, so the OS does not change the answer.
 */
export function hostPlatform(nodeArch: string): Platform | undefined {
  if (typeof nodeArch !== 'string') return undefined;
  const arch = nodeArch.trim().toLowerCase();
  if (arch === 'x64' || arch === 'amd64' || arch === 'x86_64') return { os: 'linux', architecture: 'amd64' };
  if (arch === 'arm64' || arch === 'aarch64') return { os: 'linux', architecture: 'arm64' };
  return undefined;
}

function rank(key: PlatformKey): number {
  if (key === 'linux/amd64') return 0;
  if (key === 'linux/arm64') return 1;
  if (key.startsWith('linux/')) return 2;
  if (key.startsWith('unknown/')) return 4;
  return 3;
}

/** Display order: linux/amd64, linux/arm64, other linux alphabetically, other OSes, unknown last. */
export function comparePlatformKeys(a: PlatformKey, b: PlatformKey): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys without duplicates, in display order. */
export function sortedPlatformKeys(keys: Iterable<PlatformKey>): PlatformKey[] {
  return [...new Set(keys)].sort(comparePlatformKeys);
}

export const REFERENCE_TYPE_ANNOTATION = 'vnd.docker.reference.type';
export const REFERENCE_DIGEST_ANNOTATION = 'vnd.docker.reference.digest';

/**
 * True for an index entry that is not a runnable image: buildx attestations carry platform
 * unknown/unknown and/or the annotation vnd.docker.reference.type.
 */
export function isAttestation(descriptor: unknown): boolean {
  if (!isRecord(descriptor)) return false;
  const annotations = descriptor.annotations;
  if (isRecord(annotations) && typeof annotations[REFERENCE_TYPE_ANNOTATION] === 'string') return true;
  const platform = descriptor.platform;
  return isRecord(platform) && platform.os === 'unknown' && platform.architecture === 'unknown';
}
