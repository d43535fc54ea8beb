/**
 * The deep corpus table: per image, what `archmatrix --deep` must find in each variant and at each
 * listed path, and its verdict (see test/support/deepCorpus.ts for the whole description).
 */
import {
  both,
  missing,
  ok,
  other,
  right,
  RIGHT_ALL,
  unreadable,
  WINDOWS_AMD64_ONLY,
  wrong,
} from './deepCorpusCells.js';
import { DEEP_VARIANTS, type DeepCorpusEntry } from './deepCorpusShape.js';

const BIG_FILE_BYTES = 30 * 1024 * 1024;

/** In the order of seed-deep.sh's DEEP_CORPUS. */
export const DEEP_CORPUS_ENTRIES: readonly DeepCorpusEntry[] = [
  {
    name: 'good',
    folder: 'good',
    description: 'Right host binaries per CPU for darwin, windows and linux',
    hostBinaries: RIGHT_ALL,
    verdict: 'ready',
  },
  {
    name: 'page-pattern',
    folder: 'page-pattern',
    description: "Docker's page pattern: Windows binary only in linux/amd64",
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild', right),
      ...WINDOWS_AMD64_ONLY,
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'ready',
  },
  {
    name: 'darwin-x64-both',
    folder: 'darwin-x64-both',
    description: 'x86_64 macOS binary in both variants',
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild', (v) => (v === 'linux/amd64' ? ok('x86_64') : wrong('x86_64'))),
      ...WINDOWS_AMD64_ONLY,
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'wrong-host-binary',
  },
  {
    name: 'universal',
    folder: 'universal',
    description: 'Universal (x86_64 + arm64) Mach-O under /darwin',
    hostBinaries: [
      ...both('darwin', '/darwin/fsevents.node', () => ok('universal(x86_64,arm64)')),
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'ready',
  },
  {
    name: 'missing-in-arm64',
    folder: 'missing-in-arm64',
    description: '/darwin/esbuild listed but missing from linux/arm64',
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild', (v) => (v === 'linux/amd64' ? right(v) : missing())),
      ...both('windows', '/windows/esbuild.exe', right),
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'wrong-host-binary',
  },
  {
    name: 'whiteout',
    folder: 'whiteout',
    description: 'Binaries deleted by .wh. and opaque whiteouts in an upper layer',
    attestations: 0,
    hostBinaries: [
      // Lower layer: the right Mach-O; upper layer: darwin/.wh.esbuild.
      ...both('darwin', '/darwin/esbuild', () => missing(true)),
      // Lower layer: the OTHER CPU's ELF; upper layer: linux/.wh..wh..opq + the right ELF (top-most wins).
      ...both('linux', '/linux/esbuild', right),
      // Lower layer only; hidden by the opaque whiteout of /linux.
      ...both('linux', '/linux/esbuild-helper', () => missing(true)),
    ],
    verdict: 'wrong-host-binary',
  },
  {
    name: 'scripts',
    folder: 'scripts',
    description: 'Host binaries that are scripts (sh, cmd, ps1)',
    hostBinaries: [
      ...both('darwin', '/darwin/helper.sh', () => ok('script')),
      ...both('windows', '/windows/helper.cmd', () => ok('script')),
      ...both('windows', '/windows/helper.ps1', () => ok('script')),
      ...both('linux', '/linux/helper.sh', () => ok('script')),
    ],
    verdict: 'ready',
  },
  {
    name: 'wrong-elf',
    folder: 'wrong-elf',
    description: '/linux binary of the other CPU in each variant',
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild', right),
      ...WINDOWS_AMD64_ONLY,
      ...both('linux', '/linux/esbuild', other),
    ],
    verdict: 'wrong-host-binary',
  },
  {
    name: 'wrong-pe',
    folder: 'wrong-pe',
    description: 'arm64 Windows PE in the linux/amd64 variant',
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild', right),
      ...both('windows', '/windows/esbuild.exe', (v) => (v === 'linux/amd64' ? wrong('arm64') : ok('arm64'))),
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'wrong-host-binary',
  },
  {
    name: 'both-cpus',
    folder: 'both-cpus',
    description: 'Both macOS CPUs in every variant, picked at run time',
    // The counterpart rule: the other CPU's binary is ok when its counterpart for the variant's CPU is listed too.
    hostBinaries: [
      ...both('darwin', '/darwin/esbuild-x86_64', () => ok('x86_64')),
      ...both('darwin', '/darwin/esbuild-arm64', () => ok('arm64')),
      ...both('linux', '/linux/esbuild', right),
    ],
    verdict: 'ready',
  },
  {
    name: 'compose-backend',
    folder: 'compose-backend',
    description: 'Compose backend with an amd64-only service image',
    hostBinaries: [],
    backend: (self, open) => [
      { reference: self, source: 'compose:backend', self: true, platforms: [...DEEP_VARIANTS], verdict: 'ready' },
      {
        reference: `${open}/corpus/amd64-only:1.0.0`,
        source: 'compose:worker',
        self: false,
        platforms: ['linux/amd64'],
        verdict: 'missing-platforms',
      },
    ],
    verdict: 'backend-missing-platforms',
  },
  {
    name: 'vm-self',
    folder: 'vm-self',
    description: 'vm.image is the extension image itself',
    hostBinaries: [],
    backend: (self) => [
      { reference: self, source: 'vm.image', self: true, platforms: [...DEEP_VARIANTS], verdict: 'ready' },
    ],
    verdict: 'ready',
  },
  {
    name: 'zstd',
    folder: 'good',
    description: 'deep-good with zstd-compressed layers',
    layerCompression: 'zstd',
    hostBinaries: RIGHT_ALL,
    verdict: 'ready',
  },
  {
    name: 'big-base',
    folder: 'good',
    description: 'deep-good on a 30 MiB incompressible base layer',
    hostBinaries: RIGHT_ALL,
    bigBottomLayerBytes: BIG_FILE_BYTES,
    verdict: 'ready',
  },
  {
    name: 'bad-metadata',
    folder: 'bad-metadata',
    description: 'metadata.json that is not JSON',
    metadata: 'not-json',
    hostBinaries: [],
    verdict: 'ready',
    decision:
      'a metadata.json read to its end that is not JSON is refused by Docker Desktop too, so nothing in the variant can run: a note on a checked row (no host binaries judged), not not-checked-inside (kept for a metadata.json the check could not read to its end)',
  },
  {
    name: 'no-metadata',
    folder: 'no-metadata',
    description: 'No /metadata.json',
    metadata: 'absent',
    hostBinaries: [],
    verdict: 'ready',
    decision:
      'no metadata.json at all: Docker Desktop does not take it for an extension, so nothing in the variant can run: a note on a checked row (no host binaries judged), not not-checked-inside (nothing is there to be read)',
  },
  {
    name: 'odd-paths',
    folder: 'odd-paths',
    description: 'metadata.json lists ../x, relative/x, a directory and a symlink',
    badPaths: [
      { os: 'darwin', path: '../x' },
      { os: 'linux', path: 'relative/x' },
    ],
    hostBinaries: [
      // A symlink (to esbuild, the right Mach-O): not followed; Docker Desktop may copy the link, not the file.
      ...both('darwin', '/darwin/esbuild-link', () => unreadable('symlink')),
      // Unusable listed paths: one unreadable finding per variant, never looked up in the image.
      ...both('darwin', '../x', () => unreadable()),
      // A listed directory is present; the executables inside it are judged like listed binaries.
      ...both('linux', '/linux/tools', () => ok('directory')),
      ...both('linux', '/linux/tools/esbuild', right),
      ...both('linux', 'relative/x', () => unreadable()),
    ],
    verdict: 'ready',
    decision:
      'as src/core/inside/hostBinaries.ts decides: a listed symlink is not followed (unreadable, found "symlink"); a listed directory is one ok finding (found "directory") plus one per executable inside it; relative and ".." paths are badPaths with one unreadable finding per variant, never looked up',
  },
];
