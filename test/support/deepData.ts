/** Loads the real bytes and files in test/data/deep (see its README for where each came from). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FoundFile } from '@core/inside/types.js';

const DIR = fileURLToPath(new URL('../data/deep/', import.meta.url));

export const HEADS = {
  darwinArm64: 'darwin-arm64.macho.head',
  darwinX64: 'darwin-x64.macho.head',
  universal: 'fsevents-universal.macho.head',
  winX64: 'win32-x64.pe.head',
  winArm64: 'win32-arm64.pe.head',
  winIa32: 'win32-ia32.pe.head',
  linuxX64: 'linux-x64.elf.head',
  linuxArm64: 'linux-arm64.elf.head',
  linuxArm: 'linux-arm.elf.head',
  linuxIa32: 'linux-ia32.elf.head',
  linuxS390x: 'linux-s390x.elf.head',
  javaOld: 'javaversion.class.head',
  java17: 'Hello-java17.class.head',
  pyc: 'abc.cpython-311.pyc.head',
  properties: 'net.properties.head',
  sh: 'npm.sh.head',
  cmd: 'npm.cmd.head',
  ps1: 'npm.ps1.head',
} as const;

export type HeadName = keyof typeof HEADS;

export function head(name: HeadName): Uint8Array {
  return new Uint8Array(readFileSync(`${DIR}heads/${HEADS[name]}`));
}

export function dataText(relative: string): string {
  return readFileSync(`${DIR}${relative}`, 'utf8');
}

/** A found regular file holding the real head `name` (size: as if the whole binary were there). */
export function fileOf(path: string, name: HeadName, mode = 0o755): FoundFile {
  const bytes = head(name);
  return { kind: 'file', path, size: bytes.length < 4096 ? bytes.length : 10_000_000, mode, head: bytes };
}
