/**
 * Which CPU a platform variant's host binaries must be built for, and the counterpart rule's
 * path key (a path with its CPU words taken out).
 */
import { parsePlatform, platformKey } from '../platform.js';
import type { PlatformKey } from '../types.js';
import type { Cpu } from './types.js';

const ARCH_CPUS: Readonly<Record<string, Cpu>> = { amd64: 'x86_64', arm64: 'arm64', arm: 'arm', '386': 'i386' };

/** linux/amd64 -> x86_64, linux/arm64 -> arm64, linux/arm/v7 -> arm, linux/386 -> i386; others: none. */
export function variantCpu(platform: PlatformKey): Cpu | undefined {
  const parsed = parsePlatform(platform);
  if (!parsed.ok || parsed.value.os !== 'linux') return undefined;
  return ARCH_CPUS[parsed.value.architecture];
}

/** The normalised key ("linux/arm64/v8" -> "linux/arm64"), or the text as given when it does not parse. */
export function normalisedVariant(platform: PlatformKey): PlatformKey {
  const parsed = parsePlatform(platform);
  return parsed.ok ? platformKey(parsed.value) : platform;
}

/** Longest first, so "x86_64" is taken whole before "x64" or "amd" could match part of a word. */
const CPU_WORDS = [
  'x86_64',
  'x86-64',
  'amd64',
  'aarch64',
  'arm64e',
  'arm64',
  'armv7l',
  'armv7',
  'armv6',
  'armhf',
  'armel',
  'i386',
  'i686',
  'ia32',
  'x64',
  'x86',
  'amd',
  'arm',
  '386',
];
/**
 * A CPU word standing alone (no letter or digit on either side), with the one separator before it:
 * "/darwin/kubectl-arm64" and "/darwin/kubectl-amd64" both become "/darwin/kubectl", while
 * "/darwin/harmony" or "/darwin/armada" keep their letters.
 */
const CPU_WORD = new RegExp(`[-_.]?(?<![a-z0-9])(?:${CPU_WORDS.join('|')})(?![a-z0-9])`, 'gi');

/** The path with its CPU words taken out: two paths with the same key are counterparts. */
export function counterpartKey(path: string): string {
  return path.replace(CPU_WORD, '');
}
