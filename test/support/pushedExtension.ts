/**
 * Arch Matrix's extension image, pushed by the real `make push-extension` to the test environment's
 * open registry for a tag of the caller's own, with the index it pushed and its per-platform files
 * unpacked on demand; and two ways to look at a file of it (the CPU of an ELF, files by suffix).
 */
import { closeSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { parseRawManifest, type ManifestSummary } from '@core/index.js';
import { pushExtensionImage, type ExtensionPush } from '../env/extensionImage.js';
import { unpackImage } from '../env/registryFiles.js';
import { dockerOk } from '../env/run.js';
import type { TestEnv } from '../env/testEnv.js';

/** The repository the Makefile's IMAGE names on the open registry. */
export const EXTENSION_REPO = 'archmatrix/extension';

export interface PushedExtension {
  readonly push: ExtensionPush;
  /** The pushed index, parsed; `rawIndex` is its bytes as the registry serves them. */
  readonly index: ManifestSummary;
  readonly rawIndex: string;
}

/** Runs `make push-extension` for a fresh tag and reads back the index; throws with make's output when it fails. */
export function pushExtension(env: TestEnv): PushedExtension {
  const push = pushExtensionImage(env);
  if (push.make.status !== 0) {
    throw new Error(
      `make push-extension exited ${String(push.make.status)}:\n${push.make.stdout.slice(-4000)}\n${push.make.stderr.slice(-4000)}`,
    );
  }
  const rawIndex = dockerOk(env, ['buildx', 'imagetools', 'inspect', push.reference, '--raw']);
  const parsed = parseRawManifest(rawIndex);
  if (!parsed.ok) throw new Error(`the pushed tag is not a manifest Arch Matrix understands: ${parsed.error.message}`);
  return { push, index: parsed.value, rawIndex };
}

export interface VariantFolders {
  /** The files of one platform's image, unpacked once from the registry. */
  filesOf(index: ManifestSummary, key: string): Promise<string>;
  /** Deletes every folder unpacked so far. */
  removeAll(): Promise<void>;
}

export function variantFolders(env: TestEnv): VariantFolders {
  const unpacked = new Map<string, Promise<string>>();
  return {
    filesOf(index, key) {
      const entry = index.platforms.find((p) => p.key === key);
      if (entry === undefined) throw new Error(`no ${key} entry in the index`);
      let root = unpacked.get(key);
      if (root === undefined) {
        root = unpackImage(env.openRegistry, EXTENSION_REPO, entry.digest);
        unpacked.set(key, root);
      }
      return root;
    },
    async removeAll() {
      for (const root of unpacked.values()) rmSync(await root, { recursive: true, force: true });
    },
  };
}

/** The CPU an ELF file is built for, from its header (e_machine at 0x12, little-endian). */
export function elfMachine(file: string): string {
  const head = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt32BE(0) !== 0x7f454c46) return `not ELF (${head.subarray(0, 4).toString('hex')})`;
  const machine = head.readUInt16LE(0x12);
  return (
    ({ 0x3e: 'x86_64', 0xb7: 'aarch64' } as Record<number, string>)[machine] ?? `e_machine 0x${machine.toString(16)}`
  );
}

/** Every file under `dir` whose name ends with `suffix`. */
export function findFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(suffix));
}
