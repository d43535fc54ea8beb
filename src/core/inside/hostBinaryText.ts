/**
 * The words of host-binary findings: what a wrong binary means on each OS, and the fix written
 * for the publisher. Pure text builders; the rules that pick them are in hostBinaries.ts.
 */
import type { PlatformKey } from '../types.js';
import type { Cpu, ExecutableFormat, HostOs } from './types.js';

export const OS_NAMES: Readonly<Record<HostOs, string>> = { darwin: 'macOS', windows: 'Windows', linux: 'Linux' };

/** The executable formats each host OS runs. */
export const OS_FORMATS: Readonly<Record<HostOs, readonly ExecutableFormat[]>> = {
  darwin: ['macho', 'macho-universal'],
  windows: ['pe'],
  linux: ['elf'],
};

const FORMAT_NAMES: Readonly<Record<ExecutableFormat, string>> = {
  elf: 'ELF',
  pe: 'PE (Windows)',
  macho: 'Mach-O',
  'macho-universal': 'universal Mach-O',
  script: 'script',
  text: 'text file',
  data: 'data file',
};

export const formatName = (format: ExecutableFormat): string => FORMAT_NAMES[format];

/** "ELF", "PE", "Mach-O": the format word of a `found` that names another OS's executable. */
export const shortFormatName = (format: ExecutableFormat): string =>
  format === 'pe' ? 'PE' : format === 'macho' || format === 'macho-universal' ? 'Mach-O' : FORMAT_NAMES[format];

/** The OS whose executables have this format. */
export function osOfFormat(format: ExecutableFormat): HostOs | undefined {
  if (format === 'elf') return 'linux';
  if (format === 'pe') return 'windows';
  if (format === 'macho' || format === 'macho-universal') return 'darwin';
  return undefined;
}

/** "Apple-silicon Macs", "x64 Windows", "arm64 Linux hosts". */
export function hostsOf(os: HostOs, cpu: Cpu): string {
  if (os === 'darwin')
    return cpu === 'arm64' ? 'Apple-silicon Macs' : cpu === 'x86_64' ? 'Intel Macs' : `${cpu} Macs (there are none)`;
  if (os === 'windows') return cpu === 'arm64' ? 'Windows on Arm' : cpu === 'x86_64' ? 'x64 Windows' : `${cpu} Windows`;
  return `${cpu} Linux hosts`;
}

/** What a binary built for `found` does on a host of the variant's CPU (`wanted`). */
export function wrongCpuMeaning(os: HostOs, found: string, wanted: Cpu): string {
  const hosts = hostsOf(os, wanted);
  if (os === 'darwin') {
    if (wanted === 'arm64' && found === 'x86_64') {
      return `${hosts} run it only under Rosetta 2 ('Bad CPU type in executable' without it)`;
    }
    return `${hosts} cannot run it ('Bad CPU type in executable')`;
  }
  if (os === 'windows') {
    if (wanted === 'arm64' && (found === 'x86_64' || found === 'i386')) {
      return `${hosts} runs it only under ${found === 'i386' ? 'x86' : 'x64'} emulation (Windows 11)`;
    }
    return `${hosts} cannot run it ('This app can't run on your PC')`;
  }
  return `${hosts} fail to start it with 'exec format error' (unless QEMU user emulation is installed)`;
}

const PAGE = `Docker's "Build multi-arch extensions" page`;

export function wrongCpuFix(os: HostOs, path: string, platform: PlatformKey, wanted: Cpu): string {
  const pick =
    `Pick the ${OS_NAMES[os]} binary by CPU when building: declare ARG TARGETARCH in the Dockerfile and download ` +
    `the ${os}/\${TARGETARCH} build (not a hard-coded amd64 URL), then COPY it to ${path}, as in the Dockerfile on ${PAGE}`;
  if (os === 'darwin')
    return `${pick}; or put a universal binary (lipo -create) at ${path}. The ${platform} variant needs ${wanted}.`;
  if (os === 'windows' && wanted === 'arm64') {
    return `To support Windows on Arm, put an arm64 Windows build at ${path} in the ${platform} variant (${PAGE} ships Windows binaries only for amd64).`;
  }
  return `${pick}. The ${platform} variant needs ${wanted}.`;
}

export function wrongOsFix(os: HostOs, path: string, actual: HostOs | undefined): string {
  const where = actual ? `list it under "${actual}" in metadata.json` : 'stop listing it there';
  return `Put the ${OS_NAMES[os]} build at ${path}, or ${where}.`;
}

export function missingFix(os: HostOs, path: string, platform: PlatformKey, windowsOnArm: boolean): string {
  if (windowsOnArm) {
    return `Nothing is required (${PAGE} ships Windows binaries only for amd64); for Windows on Arm users, put an arm64 Windows build at ${path} in the ${platform} variant.`;
  }
  return `COPY ${path} into the final stage of the ${platform} variant (check the Dockerfile's TARGETARCH branches and any later rm or whiteout), or stop listing it under "${os}" in metadata.json.`;
}
