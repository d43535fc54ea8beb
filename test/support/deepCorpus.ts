/**
 * The deep corpus of the test environment (issue 7), as ONE typed description: what `testenv seed`
 * pushes (test/env/lib/seed-deep.sh, test/env/corpus/deep-<folder>/) and what `archmatrix --deep`
 * must find in it: per image, per variant, per listed path, the state and the CPU found, and the
 * deep verdict. Integration tests of the CLI, the back end and the registry reader assert against
 * this; test/integration/testenv.test.ts checks the images exist as described.
 *
 * Where the contract leaves a choice open, the entry says so in `decision` (the rules in
 * src/core/inside and this table must agree: change both together).
 */
import type { BackendImageFinding, HostBinaryFinding, HostOs } from '@core/inside/types.js';
import type { TestEnv } from '../env/testEnv.js';

/** The two variants every deep image publishes. */
export const DEEP_VARIANTS = ['linux/amd64', 'linux/arm64'] as const;
export type DeepVariant = (typeof DEEP_VARIANTS)[number];

/** The verdict `archmatrix --deep` gives each deep image. */
export type DeepExpectedVerdict = 'ready' | 'wrong-host-binary' | 'backend-missing-platforms';

/** One host binary finding, as HostBinaryFinding's comparable fields (no message / fix wording). */
export interface DeepExpectedBinary extends Pick<HostBinaryFinding, 'os' | 'path' | 'state' | 'found'> {
  readonly platform: DeepVariant;
  /** A non-ok Windows cell in linux/arm64: a warning that never changes the verdict (false for ok cells). */
  readonly warningOnly: boolean;
  /** For 'missing': deleted by a whiteout (`.wh.<name>` or an opaque directory) rather than never there. */
  readonly whitedOut?: boolean;
}

export type DeepExpectedBackend = Pick<BackendImageFinding, 'reference' | 'source' | 'self' | 'platforms' | 'verdict'>;

/** What /metadata.json of every variant is. */
export type DeepMetadataState = 'ok' | 'not-json' | 'absent';

export interface DeepCorpusImage {
  /** Unique key: the repository's last part, plus "@auth" for the copy on the login-only registry. */
  readonly key: string;
  /** Name in seed-deep.sh's DEEP_CORPUS (the image's NAME label). */
  readonly name: string;
  /** Folder of its sources: test/env/corpus/deep-<folder>. */
  readonly folder: string;
  readonly registry: 'open' | 'auth';
  /** e.g. deep/good */
  readonly repository: string;
  /** registry/repository:1.0.0 */
  readonly reference: string;
  readonly description: string;
  readonly layerCompression: 'gzip' | 'zstd';
  /** Attestation manifests in the index (buildx provenance: one per platform; none for deep-whiteout). */
  readonly attestations: number;
  readonly metadata: DeepMetadataState;
  /** Paths metadata.json lists that are not usable (relative, `..`): never looked up in the image (hostBinaries has their unreadable findings). */
  readonly badPaths: readonly { readonly os: HostOs; readonly path: string }[];
  /** Every finding: by os (darwin, windows, linux), then path as metadata.json lists it, then variant (amd64, arm64). */
  readonly hostBinaries: readonly DeepExpectedBinary[];
  readonly backend: readonly DeepExpectedBackend[];
  readonly verdict: DeepExpectedVerdict;
  /** Size of the bottom layer when it is the ~30 MiB incompressible base (deep-big-base): never downloaded. */
  readonly bigBottomLayerBytes?: number;
  /** Choices this table makes where the issue leaves them open. */
  readonly decision?: string;
}

export const DEEP_TAG = '1.0.0';
/** The ~30 MiB base under deep-big-base, on the open registry (not an extension). */
export const DEEP_BIG_BASE_REPOSITORY = 'testenv/big-base';
const BIG_FILE_BYTES = 30 * 1024 * 1024;

// ---- building blocks ---------------------------------------------------------------------------

const CPU_OF: Record<DeepVariant, 'x86_64' | 'arm64'> = { 'linux/amd64': 'x86_64', 'linux/arm64': 'arm64' };
const OTHER_CPU: Record<DeepVariant, 'x86_64' | 'arm64'> = { 'linux/amd64': 'arm64', 'linux/arm64': 'x86_64' };

type Cell = Pick<DeepExpectedBinary, 'state' | 'found' | 'whitedOut'>;
/** A path of one OS in both variants, each cell given by `cell(variant)`. */
function both(os: HostOs, path: string, cell: (variant: DeepVariant) => Cell): DeepExpectedBinary[] {
  return DEEP_VARIANTS.map((platform) => {
    const c = cell(platform);
    return {
      os,
      path,
      platform,
      warningOnly: c.state !== 'ok' && os === 'windows' && platform === 'linux/arm64',
      ...c,
    };
  });
}
const ok = (found: string): Cell => ({ state: 'ok', found });
const wrong = (found: string): Cell => ({ state: 'wrong-cpu', found });
const missing = (whitedOut = false): Cell => ({ state: 'missing', whitedOut });
const unreadable = (found?: string): Cell =>
  found === undefined ? { state: 'unreadable' } : { state: 'unreadable', found };
/** The variant's own CPU. */
const right = (v: DeepVariant): Cell => ok(CPU_OF[v]);
/** The other variant's CPU. */
const other = (v: DeepVariant): Cell => wrong(OTHER_CPU[v]);

const RIGHT_ALL = [
  ...both('darwin', '/darwin/esbuild', right),
  ...both('windows', '/windows/esbuild.exe', right),
  ...both('linux', '/linux/esbuild', right),
];
/** Windows only in linux/amd64 (Docker's page pattern): missing in arm64, a warning only. */
const WINDOWS_AMD64_ONLY = both('windows', '/windows/esbuild.exe', (v) => (v === 'linux/amd64' ? right(v) : missing()));

interface Entry extends Omit<
  DeepCorpusImage,
  | 'key'
  | 'registry'
  | 'repository'
  | 'reference'
  | 'layerCompression'
  | 'attestations'
  | 'metadata'
  | 'badPaths'
  | 'backend'
> {
  readonly layerCompression?: 'gzip' | 'zstd';
  readonly attestations?: number;
  readonly metadata?: DeepMetadataState;
  readonly badPaths?: DeepCorpusImage['badPaths'];
  readonly backend?: (self: string, open: string) => DeepExpectedBackend[];
}

/** In the order of seed-deep.sh's DEEP_CORPUS. */
const ENTRIES: readonly Entry[] = [
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
    decision: 'an unreadable metadata.json is a finding on the row (no host binaries judged), not a verdict of its own',
  },
  {
    name: 'no-metadata',
    folder: 'no-metadata',
    description: 'No /metadata.json',
    metadata: 'absent',
    hostBinaries: [],
    verdict: 'ready',
    decision: 'a missing metadata.json is a finding on the row (no host binaries judged), not a verdict of its own',
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

/** The deep image copied to the login-only registry. */
export const DEEP_PRIVATE_NAME = 'darwin-x64-both';

/** Every deep image of the test environment `env`, with its expected findings. */
export function deepCorpus(env: Pick<TestEnv, 'openRegistry' | 'authRegistry'>): readonly DeepCorpusImage[] {
  const image = (e: Entry, registry: 'open' | 'auth'): DeepCorpusImage => {
    const repository = `deep/${e.name}`;
    const reference = `${registry === 'open' ? env.openRegistry : env.authRegistry}/${repository}:${DEEP_TAG}`;
    const { backend, ...rest } = e;
    return {
      ...rest,
      key: registry === 'open' ? e.name : `${e.name}@auth`,
      registry,
      repository,
      reference,
      layerCompression: e.layerCompression ?? 'gzip',
      attestations: e.attestations ?? DEEP_VARIANTS.length,
      metadata: e.metadata ?? 'ok',
      badPaths: e.badPaths ?? [],
      backend: backend?.(reference, env.openRegistry) ?? [],
    };
  };
  const open = ENTRIES.map((e) => image(e, 'open'));
  const privateCopy = ENTRIES.filter((e) => e.name === DEEP_PRIVATE_NAME).map((e) => image(e, 'auth'));
  return [...open, ...privateCopy];
}
