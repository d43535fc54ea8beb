/**
 * What kind of file the first bytes say it is, and for which CPUs: ELF, PE, Mach-O (thin and
 * universal), or CPU-neutral (script, text, data). Total: every byte string gives an ExecutableInfo, a
 * header cut short gives one with a `problem`, never a throw and never a guessed CPU.
 */
import type { Cpu, ExecutableInfo } from './types.js';

/** How many bytes of a file are enough for every format here (PE headers sit well inside). */
export const EXECUTABLE_HEAD_BYTES = 4096;

/** CPU names as the findings show them. */
const ELF_MACHINES: Readonly<Record<number, Cpu>> = { 0x3e: 'x86_64', 0xb7: 'arm64', 0x28: 'arm', 0x03: 'i386' };
const PE_MACHINES: Readonly<Record<number, Cpu>> = {
  0x8664: 'x86_64',
  0xaa64: 'arm64',
  0xa641: 'arm64', // ARM64EC: runs only on Windows on Arm
  0x14c: 'i386',
  0x1c0: 'arm',
  0x1c4: 'arm', // ARMNT (Thumb-2)
};
const MACHO_CPUS: Readonly<Record<number, Cpu>> = { 0x01000007: 'x86_64', 0x0100000c: 'arm64', 7: 'i386', 12: 'arm' };

/** Script extensions: text with these is a script even without `#!` (Windows has no `#!`). */
const SCRIPT_EXTENSIONS = [
  '.cmd',
  '.bat',
  '.ps1',
  '.sh',
  '.bash',
  '.zsh',
  '.py',
  '.js',
  '.mjs',
  '.cjs',
  '.rb',
  '.pl',
  '.vbs',
];

const hex = (n: number): string => `0x${n.toString(16)}`;

function u16(b: Uint8Array, at: number, little: boolean): number | undefined {
  if (at < 0 || at + 2 > b.length) return undefined;
  const lo = little ? b[at] : b[at + 1];
  const hi = little ? b[at + 1] : b[at];
  return ((hi ?? 0) << 8) | (lo ?? 0);
}

function u32(b: Uint8Array, at: number, little: boolean): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  const bytes = little ? [b[at + 3], b[at + 2], b[at + 1], b[at]] : [b[at], b[at + 1], b[at + 2], b[at + 3]];
  return bytes.reduce<number>((acc, x) => acc * 256 + (x ?? 0), 0);
}

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((m, i) => b[i] === m);
}

const problem = (format: ExecutableInfo['format'], message: string): ExecutableInfo => ({
  format,
  cpus: [],
  problem: message,
});

function cpuOf(table: Readonly<Record<number, Cpu>>, value: number): { cpu: Cpu; raw?: string } {
  const cpu = table[value];
  return cpu ? { cpu } : { cpu: 'other', raw: hex(value) };
}

function single(format: ExecutableInfo['format'], table: Readonly<Record<number, Cpu>>, value: number): ExecutableInfo {
  const { cpu, raw } = cpuOf(table, value);
  return raw === undefined ? { format, cpus: [cpu] } : { format, cpus: [cpu], rawCpu: raw };
}

function elf(b: Uint8Array): ExecutableInfo {
  const data = b[5];
  if (b.length < 0x14) return problem('elf', `ELF header cut short: ${b.length} bytes, the machine field is at 0x12`);
  if (data !== 1 && data !== 2) return problem('elf', `ELF header names no byte order (EI_DATA ${hex(data ?? 0)})`);
  const machine = u16(b, 0x12, data === 1) ?? 0;
  return single('elf', ELF_MACHINES, machine);
}

function pe(b: Uint8Array): ExecutableInfo {
  const offset = u32(b, 0x3c, true);
  if (offset === undefined)
    return problem('pe', `MZ header cut short: ${b.length} bytes, the PE header offset is at 0x3c`);
  const machine = u16(b, offset + 4, true);
  if (offset + 6 > b.length || machine === undefined) {
    return problem('pe', `PE header at ${hex(offset)} lies past the ${b.length} bytes read`);
  }
  if (!startsWith(b.subarray(offset), [0x50, 0x45, 0, 0])) {
    return problem('pe', `MZ file without a PE signature at ${hex(offset)}: not a Windows executable`);
  }
  return single('pe', PE_MACHINES, machine);
}

function thinMachO(b: Uint8Array, little: boolean): ExecutableInfo {
  const cputype = u32(b, 4, little);
  if (cputype === undefined) return problem('macho', `Mach-O header cut short: ${b.length} bytes`);
  return single('macho', MACHO_CPUS, cputype);
}

/** Architectures a universal header may list before it is taken for a Java class (file(1) uses the same idea). */
const JAVA_MIN_VERSION = 45;

function universalMachO(b: Uint8Array, wide: boolean): ExecutableInfo {
  const count = u32(b, 4, false);
  if (count === undefined) return problem('macho-universal', `universal Mach-O header cut short: ${b.length} bytes`);
  // 0xcafebabe is also a Java class: there the next u32 is minor<<16 | major, and major is ≥ 45.
  if (!wide && count >= JAVA_MIN_VERSION) return { format: 'data', cpus: [] };
  if (count === 0) return problem('macho-universal', 'universal Mach-O lists no architectures');
  const entry = wide ? 32 : 20;
  if (8 + count * entry > b.length) {
    return problem(
      'macho-universal',
      `universal Mach-O lists ${count} architectures, more than the ${b.length} bytes read hold`,
    );
  }
  const cpus: Cpu[] = [];
  const raws: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { cpu, raw } = cpuOf(MACHO_CPUS, u32(b, 8 + i * entry, false) ?? 0);
    if (!cpus.includes(cpu)) cpus.push(cpu);
    if (raw !== undefined && !raws.includes(raw)) raws.push(raw);
  }
  return raws.length > 0
    ? { format: 'macho-universal', cpus, rawCpu: raws.join(',') }
    : { format: 'macho-universal', cpus };
}

/** Text: decodes as UTF-8 (or UTF-16 with a byte-order mark) with no NUL and few control characters. */
function isText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  let decoded: string;
  try {
    const label = utf16 ? (b[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8';
    // stream: a multi-byte character cut by the end of the head is not an error.
    decoded = new TextDecoder(label, { fatal: true }).decode(b, { stream: true });
  } catch {
    return false;
  }
  let controls = 0;
  for (const ch of decoded) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0) return false;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b) ||
      code === 0x7f
    ) {
      controls += 1;
    }
  }
  return controls * 100 <= decoded.length;
}

function hasScriptExtension(path: string | undefined): boolean {
  if (typeof path !== 'string') return false;
  const lower = path.toLowerCase();
  return SCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Tells the format and CPUs of a file from its first bytes (at most EXECUTABLE_HEAD_BYTES are
 * looked at). `path` only tells a Windows script (.cmd, .ps1) from other text.
 */
export function identifyExecutable(head: Uint8Array, path?: string): ExecutableInfo {
  if (!(head instanceof Uint8Array)) return problem('data', 'no bytes to read');
  const b = head.length > EXECUTABLE_HEAD_BYTES ? head.subarray(0, EXECUTABLE_HEAD_BYTES) : head;
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return elf(b);
  if (startsWith(b, [0x4d, 0x5a])) return pe(b);
  if (startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(b, [0xce, 0xfa, 0xed, 0xfe])) return thinMachO(b, true);
  if (startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) || startsWith(b, [0xfe, 0xed, 0xfa, 0xce])) return thinMachO(b, false);
  if (startsWith(b, [0xca, 0xfe, 0xba, 0xbe])) return universalMachO(b, false);
  if (startsWith(b, [0xca, 0xfe, 0xba, 0xbf])) return universalMachO(b, true);
  if (startsWith(b, [0x23, 0x21])) return { format: 'script', cpus: [] };
  if (isText(b)) return { format: hasScriptExtension(path) ? 'script' : 'text', cpus: [] };
  return { format: 'data', cpus: [] };
}

/** The CPU names of an executable: ["x86_64", "arm64"], ["other(0x16)"]. */
export function cpuNames(info: ExecutableInfo): string[] {
  return info.cpus.map((cpu) => (cpu === 'other' ? `other(${info.rawCpu ?? '?'})` : cpu));
}

/** How a finding names what was read: "x86_64", "universal(x86_64,arm64)", "script", "other(0x16)". */
export function describeExecutable(info: ExecutableInfo): string {
  switch (info.format) {
    case 'macho-universal':
      return `universal(${cpuNames(info).join(',')})`;
    case 'elf':
    case 'pe':
    case 'macho':
      return cpuNames(info).join(',') || 'unknown';
    default:
      return info.format;
  }
}
